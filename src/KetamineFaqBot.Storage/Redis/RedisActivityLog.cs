using System.Globalization;
using KetamineFaqBot.Core.Conversations;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace KetamineFaqBot.Storage.Redis;

/// <summary>
/// The Direct Line activity log in Redis: a hash per conversation (last sequence, last timestamp, last touch) and a
/// sorted set of entries scored by sequence. Appends and reads are Lua scripts, so every instance sees one order.
/// </summary>
public sealed class RedisActivityLog(RedisConnection redis, IOptions<StorageOptions> options, TimeProvider timeProvider) : IActivityLog
{
    public async Task<bool> CreateAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var created = await redis.Database.ScriptEvaluateAsync(RedisScripts.Create, [Meta(conversationId)], [Now(), Ttl()]);
        return (long)created == 1;
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var touched = await redis.Database.HashGetAsync(Meta(conversationId), "touched");
        return !touched.IsNull && (long)touched >= OldestLive();
    }

    public async Task<LoggedActivity?> AppendAsync(string conversationId, string activityJson, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityJson);
        var result = await redis.Database.ScriptEvaluateAsync(
            RedisScripts.Append,
            [Meta(conversationId), Log(conversationId)],
            [Now(), expiresAt is { } expiry ? expiry.ToUnixTimeMilliseconds() : string.Empty, activityJson, Ttl(), options.Value.MaxActivitiesPerConversation, OldestLive()]);
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        return new LoggedActivity((long)values[0], DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(values[1].ToString(), CultureInfo.InvariantCulture)), activityJson);
    }

    public async Task<ActivityLogPage?> ReadAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var result = await redis.Database.ScriptEvaluateAsync(
            RedisScripts.Read,
            [Meta(conversationId), Log(conversationId)],
            [Math.Max(watermark, 0), Now(), maxCount, OldestLive()]);
        if (result.IsNull)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        var lastSequence = long.Parse(values[0].ToString(), CultureInfo.InvariantCulture);
        var activities = new List<LoggedActivity>(values.Length - 1);
        foreach (var value in values.Skip(1))
        {
            activities.Add(Parse(value.ToString()));
        }

        var next = activities.Count == maxCount ? activities[^1].Sequence : lastSequence;
        return new ActivityLogPage(activities, next);
    }

    /// <summary>Entries are "seq|ts|expires|json".</summary>
    private static LoggedActivity Parse(string entry)
    {
        var first = entry.IndexOf('|', StringComparison.Ordinal);
        var second = entry.IndexOf('|', first + 1);
        var third = entry.IndexOf('|', second + 1);
        return new LoggedActivity(
            long.Parse(entry.AsSpan(0, first), CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(entry.AsSpan(first + 1, second - first - 1), CultureInfo.InvariantCulture)),
            entry[(third + 1)..]);
    }

    internal RedisKey Meta(string conversationId) => redis.Key("dl:" + conversationId + ":meta");

    internal RedisKey Log(string conversationId) => redis.Key("dl:" + conversationId + ":log");

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    internal long OldestLive() => (timeProvider.GetUtcNow() - options.Value.ActivityLogRetention).ToUnixTimeMilliseconds();

    internal long Ttl() => (long)options.Value.ActivityLogRetention.TotalMilliseconds;
}
