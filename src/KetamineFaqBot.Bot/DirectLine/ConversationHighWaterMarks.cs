using System.Collections.Concurrent;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Storage;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// The last sequence number of each Direct Line conversation this process created, so a poll whose watermark is
/// already at the end is answered with the empty page without reading the store.
/// </summary>
/// <remarks>
/// Why: Web Chat in polling mode asks for the log once a second per open page, and nearly every answer is "nothing
/// new". A mark may only answer for the store when it cannot be behind it; it is therefore <em>authoritative</em> only:
/// <list type="bullet">
/// <item>with the SQLite store, which is one instance's store (README, "Storage"): every append to its log goes
/// through this process. With Redis, other instances append too, so no mark is ever kept and every poll reads the
/// store (one Lua script, as before);</item>
/// <item>for a conversation created by this process while its entry already existed: the entry starts counting before
/// the store creates the conversation, so no append can land between the creation and the first count. A
/// conversation created elsewhere or before a restart always reads the store;</item>
/// <item>while no append has failed in between: an append that throws (it may have been written) drops the entry, and
/// appends never create one, so a dropped conversation reads the store from then on;</item>
/// <item>until the conversation could have expired in the store: the entry's touch time is taken before each write
/// starts, so it is never later than the store's own and the mark stops answering no later than the store would start
/// answering 404.</item>
/// </list>
/// An append updates the mark after the store has committed it and before the append returns, so a poll that starts
/// after an append has returned always sees it. Bounded by <c>DirectLine:TrackedConversations</c>: when full, expired
/// entries are dropped, and a conversation that still finds no room is simply not tracked.
/// </remarks>
public sealed class ConversationHighWaterMarks
{
    private readonly ConcurrentDictionary<string, Mark> _marks = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _timeProvider;

    public ConversationHighWaterMarks(IOptions<DirectLineOptions> options, IOptions<StorageOptions> storage, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _capacity = storage.Value.Provider == StorageProvider.Sqlite ? options.Value.TrackedConversations : 0;
        _retention = storage.Value.ActivityLogRetention;
        _timeProvider = timeProvider;
    }

    /// <summary>False with Redis or a capacity of 0: every poll reads the store.</summary>
    public bool Enabled => _capacity > 0;

    public int Count => _marks.Count;

    /// <summary>
    /// Runs the store's <paramref name="create"/>; when it creates the conversation, the mark that started counting
    /// before it answers for the conversation from now on.
    /// </summary>
    public async Task<bool> CreateAsync(string conversationId, Func<Task<bool>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var mark = BeforeCreate(conversationId);
        var created = await create();
        if (created)
        {
            mark?.Authorise();
        }

        return created;
    }

    /// <summary>The time to pass to <see cref="Appended"/>, read before the write starts.</summary>
    public DateTimeOffset Now() => _timeProvider.GetUtcNow();

    /// <summary>An append the store committed with <paramref name="sequence"/>; only a conversation already tracked is updated.</summary>
    public void Appended(string conversationId, long sequence, DateTimeOffset startedAt)
    {
        if (Enabled && _marks.TryGetValue(conversationId, out var mark))
        {
            mark.Advance(sequence, startedAt);
        }
    }

    /// <summary>An append failed or found no conversation: the store alone knows what it holds now.</summary>
    public void Forget(string conversationId)
    {
        if (Enabled)
        {
            _marks.TryRemove(conversationId, out _);
        }
    }

    /// <summary>True, with the log's last sequence, when nothing can be stored after <paramref name="watermark"/>.</summary>
    public bool IsAtEnd(string conversationId, long watermark, out long last)
    {
        last = 0;
        return Enabled
            && _marks.TryGetValue(conversationId, out var mark)
            && mark.TryEnd(watermark, _timeProvider.GetUtcNow(), _retention, out last);
    }

    /// <summary>A new, not yet authoritative mark, or null when the conversation is not to be tracked.</summary>
    private Mark? BeforeCreate(string conversationId)
    {
        if (!Enabled)
        {
            return null;
        }

        var now = _timeProvider.GetUtcNow();
        if (_marks.Count >= _capacity)
        {
            Sweep(now);
            if (_marks.Count >= _capacity)
            {
                return null;
            }
        }

        // A live entry is kept as it is (a reconnect re-creates nothing); an expired one's conversation starts afresh.
        var fresh = new Mark(now);
        var mark = _marks.AddOrUpdate(conversationId, fresh, (_, old) => old.LiveAt(now, _retention) ? old : fresh);
        return ReferenceEquals(mark, fresh) ? fresh : null;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (id, mark) in _marks)
        {
            if (!mark.LiveAt(now, _retention))
            {
                _marks.TryRemove(KeyValuePair.Create(id, mark));
            }
        }
    }

    private sealed class Mark(DateTimeOffset touchedAt)
    {
        private readonly Lock _gate = new();
        private long _sequence;
        private DateTimeOffset _touchedAt = touchedAt;
        private bool _authoritative;

        public void Authorise()
        {
            lock (_gate)
            {
                _authoritative = true;
            }
        }

        public void Advance(long sequence, DateTimeOffset startedAt)
        {
            lock (_gate)
            {
                _sequence = Math.Max(_sequence, sequence);
                _touchedAt = startedAt > _touchedAt ? startedAt : _touchedAt;
            }
        }

        public bool LiveAt(DateTimeOffset now, TimeSpan retention)
        {
            lock (_gate)
            {
                return now < _touchedAt + retention;
            }
        }

        public bool TryEnd(long watermark, DateTimeOffset now, TimeSpan retention, out long last)
        {
            lock (_gate)
            {
                last = _sequence;
                return _authoritative && now < _touchedAt + retention && watermark >= _sequence;
            }
        }
    }
}
