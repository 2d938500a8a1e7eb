namespace KetamineFaqBot.Core.Answering;

/// <summary>Content gaps kept for content owners: the same redacted question is counted, not repeated.</summary>
public interface IContentGapStore : IContentGapRecorder
{
    /// <summary>The most frequent gaps, most frequent first (ties: most recent first).</summary>
    Task<IReadOnlyList<ContentGapSummary>> TopAsync(int maxCount, CancellationToken cancellationToken = default);
}
