using System.Collections.Concurrent;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.ContentGaps;

/// <summary>Keeps the most recent content gaps in memory (CLI evaluation runs and tests); storage comes later.</summary>
public sealed class InMemoryContentGapRecorder(int capacity = 1000) : IContentGapRecorder
{
    private readonly ConcurrentQueue<ContentGap> gaps = new();

    public IReadOnlyList<ContentGap> Gaps => gaps.ToArray();

    public Task RecordAsync(ContentGap gap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gap);
        gaps.Enqueue(gap);
        while (gaps.Count > capacity && gaps.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }
}
