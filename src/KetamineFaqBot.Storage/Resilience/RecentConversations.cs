using System.Collections.Concurrent;

namespace KetamineFaqBot.Storage.Resilience;

/// <summary>
/// A set of conversation hashes, each forgotten once it has not been touched for the time to live, and bounded: past
/// its capacity the least recently touched go first (down to nine tenths of it, so the sort is paid once per many
/// adds). Holds hashes and times only — never an id a channel sent, never text.
/// Not MemoryCache: with a size limit it refuses new entries while full and compacts later, and a crisis flag that
/// is refused is lost; here the newest always goes in.
/// </summary>
public sealed class RecentConversations(TimeProvider timeProvider, TimeSpan timeToLive, int capacity)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> touched = new(StringComparer.Ordinal);

    public int Count => touched.Count;

    /// <summary>Adds or touches <paramref name="conversationHash"/>; returns how many live entries had to make room.</summary>
    public int Touch(string conversationHash)
    {
        touched[conversationHash] = timeProvider.GetUtcNow();
        return touched.Count > capacity ? Evict() : 0;
    }

    public bool Contains(string conversationHash)
    {
        if (!touched.TryGetValue(conversationHash, out var at))
        {
            return false;
        }

        if (timeProvider.GetUtcNow() - at <= timeToLive)
        {
            return true;
        }

        touched.TryRemove(KeyValuePair.Create(conversationHash, at));
        return false;
    }

    public void Remove(string conversationHash) => touched.TryRemove(conversationHash, out _);

    private int Evict()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var expired in touched.Where(e => now - e.Value > timeToLive).ToList())
        {
            touched.TryRemove(expired);
        }

        var excess = touched.Count - (capacity - (capacity / 10));
        if (excess <= 0)
        {
            return 0;
        }

        var evicted = 0;
        foreach (var oldest in touched.OrderBy(e => e.Value).Take(excess).ToList())
        {
            evicted += touched.TryRemove(oldest) ? 1 : 0;
        }

        return evicted;
    }
}
