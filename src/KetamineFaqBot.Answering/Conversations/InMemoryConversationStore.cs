using System.Collections.Concurrent;
using KetamineFaqBot.Core.Conversations;

namespace KetamineFaqBot.Answering.Conversations;

/// <summary>
/// Conversation state in process memory, for the CLI and tests: bounded (the oldest conversations are evicted)
/// and expiring (state untouched for longer than the time to live reads as empty). Eviction runs when the store
/// passes its capacity and brings it down to nine tenths of it, so its sort is paid once per many saves.
/// </summary>
public sealed class InMemoryConversationStore(TimeProvider timeProvider, int capacity = 10_000, TimeSpan? timeToLive = null) : IConversationStore
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly TimeSpan ttl = timeToLive ?? TimeSpan.FromHours(1);

    public InMemoryConversationStore()
        : this(TimeProvider.System)
    {
    }

    public int Count => entries.Count;

    public Task<ConversationState> LoadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        if (entries.TryGetValue(conversationId, out var entry))
        {
            if (timeProvider.GetUtcNow() - entry.Touched <= ttl)
            {
                return Task.FromResult(entry.State);
            }

            entries.TryRemove(conversationId, out _);
        }

        return Task.FromResult(ConversationState.Empty);
    }

    public Task SaveAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(state);
        entries[conversationId] = new Entry(state, timeProvider.GetUtcNow());
        if (entries.Count > capacity)
        {
            Evict();
        }

        return Task.CompletedTask;
    }

    public Task ResetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        entries.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }

    private void Evict()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var expired in entries.Where(e => now - e.Value.Touched > ttl).Select(e => e.Key).ToList())
        {
            entries.TryRemove(expired, out _);
        }

        var excess = entries.Count - (capacity - (capacity / 10));
        if (excess <= 0)
        {
            return;
        }

        foreach (var oldest in entries.OrderBy(e => e.Value.Touched).Take(excess).Select(e => e.Key).ToList())
        {
            entries.TryRemove(oldest, out _);
        }
    }

    private sealed record Entry(ConversationState State, DateTimeOffset Touched);
}
