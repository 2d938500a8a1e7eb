using System.Collections.Concurrent;
using KetamineFaqBot.Core.Feedback;

namespace KetamineFaqBot.Bot.Feedback;

/// <summary>Feedback kept in memory until durable storage is wired in. Bounded: the oldest records go first.</summary>
public sealed class InMemoryFeedbackStore : IFeedbackStore
{
    private const int Capacity = 10_000;
    private readonly ConcurrentQueue<FeedbackRecord> _records = new();

    public IReadOnlyList<FeedbackRecord> Records => [.. _records];

    public Task RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        _records.Enqueue(feedback);
        while (_records.Count > Capacity && _records.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }
}
