using System.Globalization;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Records;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace KetamineFaqBot.Storage.Redis;

/// <summary>
/// Answer provenance in Redis: a sorted set by time, one expiring key per reply key (so feedback arriving at any
/// instance finds its answer), and a hash of route counts per UTC day.
/// </summary>
public sealed class RedisAnswerRecordStore(RedisConnection redis, IOptions<StorageOptions> options, IOptions<PrivacyOptions> privacy, TimeProvider timeProvider) : IAnswerRecordStore
{
    public async Task RecordAsync(AnswerRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = RecordTranscripts.Prepare(record, privacy.Value);
        var json = StoreJson.Serialize(stored);
        var retention = options.Value.RecordRetention;
        var day = DateOnly.FromDateTime(stored.At.UtcDateTime);
        var transaction = redis.Database.CreateTransaction();
        _ = transaction.SortedSetAddAsync(redis.Key(RedisKeys.Answers), StoreJson.Serialize(new Envelope<AnswerRecord>(Guid.NewGuid().ToString("N"), stored)), stored.At.ToUnixTimeMilliseconds());
        foreach (var key in stored.ReplyKeys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal))
        {
            _ = transaction.StringSetAsync(redis.Key(RedisKeys.Reply(stored.ConversationHash, key)), json, retention);
        }

        _ = transaction.HashIncrementAsync(redis.Key(RedisKeys.Routes(day)), stored.Route.ToWire());
        _ = transaction.KeyExpireAsync(redis.Key(RedisKeys.Routes(day)), retention + TimeSpan.FromDays(1));
        if (!await transaction.ExecuteAsync())
        {
            throw new StorageException("Redis did not apply the answer record.");
        }
    }

    public async Task<AnswerRecord?> FindAsync(string conversationHash, string replyKey, CancellationToken cancellationToken = default)
    {
        var value = await redis.Database.StringGetAsync(redis.Key(RedisKeys.Reply(conversationHash, replyKey)));
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        // The key expires by itself; the check keeps retention on the bot's clock, as in every other store.
        var record = StoreJson.Deserialize<AnswerRecord>(value.ToString());
        return record.At < timeProvider.GetUtcNow() - options.Value.RecordRetention ? null : record;
    }

    public async Task<IReadOnlyList<AnswerRecord>> ListAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default)
    {
        var members = await redis.Database.SortedSetRangeByScoreAsync(
            redis.Key(RedisKeys.Answers), since.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.None, Order.Descending, 0, maxCount);
        return [.. members.Select(m => StoreJson.Deserialize<Envelope<AnswerRecord>>(m.ToString()).Value)];
    }

    public async Task<IReadOnlyList<RouteCount>> RouteCountsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var counts = new List<RouteCount>();
        var last = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        for (var day = DateOnly.FromDateTime(since.UtcDateTime); day <= last; day = day.AddDays(1))
        {
            foreach (var entry in (await redis.Database.HashGetAllAsync(redis.Key(RedisKeys.Routes(day)))).OrderBy(e => e.Name.ToString(), StringComparer.Ordinal))
            {
                counts.Add(new RouteCount(day, entry.Name.ToString(), long.Parse(entry.Value.ToString(), CultureInfo.InvariantCulture)));
            }
        }

        return counts;
    }
}
