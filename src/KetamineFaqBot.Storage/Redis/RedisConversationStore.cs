using KetamineFaqBot.Core.Conversations;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace KetamineFaqBot.Storage.Redis;

/// <summary>
/// Follow-up context in Redis: one key per conversation hash with a time to live, and beside it a crisis key that a
/// save only ever sets or keeps alive.
/// </summary>
public sealed class RedisConversationStore(RedisConnection redis, IOptions<StorageOptions> options, TimeProvider timeProvider) : IConversationStore
{
    public async Task<ConversationState> LoadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var values = await redis.Database.StringGetAsync([KeyOf(conversationId), CrisisKeyOf(conversationId)]);
        if (values[0].IsNullOrEmpty)
        {
            return ConversationState.Empty;
        }

        // The key's own expiry is the backstop; the touch time makes expiry follow the bot's clock.
        var stored = StoreJson.Deserialize<StoredConversation>(values[0].ToString());
        if (timeProvider.GetUtcNow() - stored.Touched > options.Value.ConversationTimeToLive)
        {
            return ConversationState.Empty;
        }

        var crisis = !values[1].IsNullOrEmpty
            && timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - (long)values[1] <= (long)options.Value.ConversationTimeToLive.TotalMilliseconds;
        return crisis ? stored.State with { CrisisFlag = true } : stored.State;
    }

    public async Task SaveAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = timeProvider.GetUtcNow();
        var json = Serialize(state, now);
        var timeToLive = options.Value.ConversationTimeToLive;

        // SAFETY: once a conversation has hit crisis, its later answers carry the crisis resources. A save that
        // started from a state without the flag (read while Redis was away, or by another instance before this
        // turn's crisis was saved) must not clear it, so the flag lives in its own key that a save only sets or
        // keeps alive (atomically, crisis.lua) and only a reset deletes.
        // Both go out pipelined on the one connection.
        var crisis = redis.Database.ScriptEvaluateAsync(RedisScripts.Crisis, [CrisisKeyOf(conversationId)],
            [now.ToUnixTimeMilliseconds(), (long)timeToLive.TotalMilliseconds, state.CrisisFlag ? "1" : "0"]);
        var saved = redis.Database.StringSetAsync(KeyOf(conversationId), json, timeToLive);
        await Task.WhenAll(crisis, saved);
    }

    public Task ResetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        redis.Database.KeyDeleteAsync([KeyOf(conversationId), CrisisKeyOf(conversationId)]);

    internal RedisKey KeyOf(string conversationId) => redis.Key("conv:" + ConversationHash.Of(conversationId));

    internal RedisKey CrisisKeyOf(string conversationId) => redis.Key("conv-crisis:" + ConversationHash.Of(conversationId));

    /// <summary>The stored form of a state: redacted, with the bot-clock time of the save.</summary>
    internal static string Serialize(ConversationState state, DateTimeOffset now) =>
        StoreJson.Serialize(new StoredConversation(ConversationRedaction.Prepare(state), now));

    private sealed record StoredConversation(ConversationState State, DateTimeOffset Touched);
}
