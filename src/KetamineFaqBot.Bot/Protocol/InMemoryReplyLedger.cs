using System.Collections.Concurrent;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>Bounded in-memory ledger: the oldest entries go first once the capacity is reached.</summary>
public sealed class InMemoryReplyLedger : IReplyLedger
{
    private const int Capacity = 50_000;
    private readonly ConcurrentDictionary<(string Conversation, string Key), AnsweredReply> _entries = new();
    private readonly ConcurrentQueue<(string Conversation, string Key)> _order = new();

    public void Remember(string conversationId, string key, AnsweredReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var entryKey = (conversationId, key);
        if (_entries.TryAdd(entryKey, reply))
        {
            _order.Enqueue(entryKey);
        }
        else
        {
            _entries[entryKey] = reply;
        }

        while (_entries.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _entries.TryRemove(oldest, out _);
        }
    }

    public AnsweredReply? Find(string conversationId, string key) =>
        _entries.TryGetValue((conversationId, key), out var reply) ? reply : null;
}
