using KetamineFaqBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Storage.Redis;

/// <summary>Follow-up context in Redis: one key per conversation hash with a time to live.</summary>
public sealed class RedisConversationStore(RedisConnection redis, IOptions<StorageOptions> options, TimeProvider timeProvider) : IConversationStore
{
    public async Task<ConversationState> LoadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var value = await redis.Database.StringGetAsync(KeyOf(conversationId));
        if (value.IsNullOrEmpty)
        {
            return ConversationState.Empty;
        }

        // The key's own expiry is the backstop; the touch time makes expiry follow the bot's clock.
        var stored = StoreJson.Deserialize<StoredConversation>(value.ToString());
        return timeProvider.GetUtcNow() - stored.Touched > options.Value.ConversationTimeToLive ? ConversationState.Empty : stored.State;
    }

    public Task SaveAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var json = StoreJson.Serialize(new StoredConversation(ConversationRedaction.Prepare(state), timeProvider.GetUtcNow()));
        return redis.Database.StringSetAsync(KeyOf(conversationId), json, options.Value.ConversationTimeToLive);
    }

    public Task ResetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        redis.Database.KeyDeleteAsync(KeyOf(conversationId));

    private StackExchange.Redis.RedisKey KeyOf(string conversationId) => redis.Key("conv:" + ConversationHash.Of(conversationId));

    private sealed record StoredConversation(ConversationState State, DateTimeOffset Touched);
}
