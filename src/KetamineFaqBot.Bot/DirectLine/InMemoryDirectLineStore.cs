using System.Collections.Concurrent;
using System.Globalization;
using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>In-process Direct Line log. Bounded: the oldest conversations are dropped past the capacity.</summary>
public sealed class InMemoryDirectLineStore(TimeProvider timeProvider) : IDirectLineStore
{
    private const int MaxConversations = 20_000;
    private const int MaxActivitiesPerConversation = 5_000;
    private readonly ConcurrentDictionary<string, ConversationLog> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _creationOrder = new();

    public Task<bool> CreateConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        if (!_conversations.TryAdd(conversationId, new ConversationLog()))
        {
            return Task.FromResult(false);
        }

        _creationOrder.Enqueue(conversationId);
        while (_conversations.Count > MaxConversations && _creationOrder.TryDequeue(out var oldest))
        {
            _conversations.TryRemove(oldest, out _);
        }

        return Task.FromResult(true);
    }

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_conversations.ContainsKey(conversationId));

    public Task<long?> AppendAsync(string conversationId, Activity activity, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!_conversations.TryGetValue(conversationId, out var log))
        {
            return Task.FromResult<long?>(null);
        }

        lock (log)
        {
            var sequence = ++log.LastSequence;
            var now = timeProvider.GetUtcNow();

            // Web Chat orders by timestamp: never let two activities share one or go back in time.
            log.LastTimestamp = now > log.LastTimestamp ? now : log.LastTimestamp.AddTicks(TimeSpan.TicksPerMillisecond);
            activity.Id = $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";
            activity.Timestamp = log.LastTimestamp;
            log.Entries.Add(new Entry(sequence, activity, expiresAt));
            if (log.Entries.Count > MaxActivitiesPerConversation)
            {
                log.Entries.RemoveAt(0);
            }

            return Task.FromResult<long?>(sequence);
        }
    }

    public Task<DirectLinePage?> GetAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken = default)
    {
        if (!_conversations.TryGetValue(conversationId, out var log))
        {
            return Task.FromResult<DirectLinePage?>(null);
        }

        var now = timeProvider.GetUtcNow();
        lock (log)
        {
            var activities = new List<Activity>();
            var next = Math.Min(Math.Max(watermark, 0), log.LastSequence);
            foreach (var entry in log.Entries)
            {
                if (entry.Sequence <= watermark)
                {
                    continue;
                }

                if (activities.Count == maxCount)
                {
                    break;
                }

                next = entry.Sequence;
                if (entry.ExpiresAt is not { } expiry || expiry > now)
                {
                    activities.Add(entry.Activity);
                }
            }

            return Task.FromResult<DirectLinePage?>(new DirectLinePage(activities, next));
        }
    }

    private sealed class ConversationLog
    {
        public List<Entry> Entries { get; } = [];

        public long LastSequence { get; set; }

        public DateTimeOffset LastTimestamp { get; set; }
    }

    private sealed record Entry(long Sequence, Activity Activity, DateTimeOffset? ExpiresAt);
}
