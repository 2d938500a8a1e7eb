using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.ContentGaps;

/// <summary>Discards content gaps (one-off CLI questions, where nobody reviews gaps).</summary>
public sealed class NullContentGapRecorder : IContentGapRecorder
{
    public static NullContentGapRecorder Instance { get; } = new();

    public Task RecordAsync(ContentGap gap, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
