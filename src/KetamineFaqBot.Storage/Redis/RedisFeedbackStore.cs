using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Storage.Redaction;

namespace KetamineFaqBot.Storage.Redis;

/// <summary>Feedback in Redis: one sorted set scored by time (conversation hashed, comment redacted).</summary>
public sealed class RedisFeedbackStore(RedisConnection redis) : IFeedbackStore
{
    public Task RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var stored = feedback with { ConversationId = ConversationHash.Of(feedback.ConversationId), Comment = TextRedactor.Redact(feedback.Comment) };
        var member = StoreJson.Serialize(new Envelope<FeedbackRecord>(Guid.NewGuid().ToString("N"), stored));
        return redis.Database.SortedSetAddAsync(redis.Key(RedisKeys.Feedback), member, feedback.At.ToUnixTimeMilliseconds());
    }

    public async Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default)
    {
        var members = await redis.Database.SortedSetRangeByScoreAsync(
            redis.Key(RedisKeys.Feedback), since.ToUnixTimeMilliseconds(), double.PositiveInfinity, StackExchange.Redis.Exclude.None, StackExchange.Redis.Order.Descending, 0, maxCount);
        return [.. members.Select(m => StoreJson.Deserialize<Envelope<FeedbackRecord>>(m.ToString()).Value)];
    }
}
