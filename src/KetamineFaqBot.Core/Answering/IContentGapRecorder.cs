namespace KetamineFaqBot.Core.Answering;

/// <summary>Records unanswered questions so content owners can close the gaps.</summary>
public interface IContentGapRecorder
{
    Task RecordAsync(ContentGap gap, CancellationToken cancellationToken = default);
}
