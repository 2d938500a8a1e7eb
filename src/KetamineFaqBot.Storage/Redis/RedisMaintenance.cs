using KetamineFaqBot.Core.Records;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace KetamineFaqBot.Storage.Redis;

/// <summary>
/// Readiness and retention for Redis. Conversations, activity logs and reply keys expire by themselves; the sorted
/// sets (feedback, answers, content gaps) are trimmed here.
/// </summary>
public sealed class RedisMaintenance(RedisConnection redis, IOptions<StorageOptions> options) : IStoreMaintenance
{
    public string Provider => "redis";

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return false;
        }

        try
        {
            await redis.Database.PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async Task<long> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cutoff = (now - options.Value.RecordRetention).ToUnixTimeMilliseconds();
        var database = redis.Database;
        var removed = await database.SortedSetRemoveRangeByScoreAsync(redis.Key(RedisKeys.Feedback), double.NegativeInfinity, cutoff, Exclude.Stop);
        removed += await database.SortedSetRemoveRangeByScoreAsync(redis.Key(RedisKeys.Answers), double.NegativeInfinity, cutoff, Exclude.Stop);

        var staleGaps = await database.SortedSetRangeByScoreAsync(redis.Key(RedisKeys.GapLastSeen), double.NegativeInfinity, cutoff, Exclude.Stop);
        foreach (var gap in staleGaps)
        {
            var transaction = database.CreateTransaction();
            _ = transaction.SortedSetRemoveAsync(redis.Key(RedisKeys.GapCounts), gap);
            _ = transaction.SortedSetRemoveAsync(redis.Key(RedisKeys.GapLastSeen), gap);
            _ = transaction.KeyDeleteAsync(redis.Key(RedisKeys.Gap(gap.ToString())));
            await transaction.ExecuteAsync();
        }

        return removed + staleGaps.Length;
    }
}
