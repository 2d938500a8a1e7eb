using System.Globalization;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Storage.Redaction;
using StackExchange.Redis;

namespace KetamineFaqBot.Storage.Redis;

/// <summary>
/// Content gaps in Redis: counts in a sorted set (<c>gaps:count</c>), last-seen times in another (<c>gaps:last</c>,
/// for retention), and the redacted question with its details in a hash per gap.
/// </summary>
public sealed class RedisContentGapStore(RedisConnection redis) : IContentGapStore
{
    public async Task RecordAsync(ContentGap gap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var question = TextRedactor.Redact(gap.Question) ?? string.Empty;
        var key = GapKey.Of(question);
        var at = gap.At.ToUnixTimeMilliseconds();
        var transaction = redis.Database.CreateTransaction();
        _ = transaction.SortedSetIncrementAsync(redis.Key(RedisKeys.GapCounts), key, 1);
        _ = transaction.SortedSetAddAsync(redis.Key(RedisKeys.GapLastSeen), key, at, SortedSetWhen.GreaterThan);
        _ = transaction.HashSetAsync(redis.Key(RedisKeys.Gap(key)), "first", at, When.NotExists);
        _ = transaction.HashSetAsync(redis.Key(RedisKeys.Gap(key)),
        [
            new HashEntry("question", question),
            new HashEntry("last", at),
            new HashEntry("version", gap.CorpusVersion),
            new HashEntry("channel", gap.Channel),
            new HashEntry("score", gap.TopScore.ToString(CultureInfo.InvariantCulture)),
        ]);
        if (!await transaction.ExecuteAsync())
        {
            throw new StorageException("Redis did not apply the content-gap update.");
        }
    }

    public async Task<IReadOnlyList<ContentGapSummary>> TopAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        // Read a margin beyond the limit so ties on the count can be ordered by recency.
        var top = await redis.Database.SortedSetRangeByRankWithScoresAsync(redis.Key(RedisKeys.GapCounts), 0, maxCount + 49, Order.Descending);
        var gaps = new List<ContentGapSummary>(top.Length);
        foreach (var entry in top)
        {
            var fields = (await redis.Database.HashGetAllAsync(redis.Key(RedisKeys.Gap(entry.Element.ToString())))).ToDictionary(f => f.Name.ToString(), f => f.Value);
            if (!fields.TryGetValue("question", out var question))
            {
                continue;
            }

            gaps.Add(new ContentGapSummary(
                question.ToString(),
                (long)entry.Score,
                DateTimeOffset.FromUnixTimeMilliseconds((long)fields["first"]),
                DateTimeOffset.FromUnixTimeMilliseconds((long)fields["last"]),
                fields["version"].ToString()));
        }

        return [.. gaps.OrderByDescending(g => g.Count).ThenByDescending(g => g.LastSeen).Take(maxCount)];
    }
}
