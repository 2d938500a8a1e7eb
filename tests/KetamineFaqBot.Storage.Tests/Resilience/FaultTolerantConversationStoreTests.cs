using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Storage.Redis;
using KetamineFaqBot.Storage.Resilience;
using KetamineFaqBot.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace KetamineFaqBot.Storage.Tests.Resilience;

/// <summary>Conversation state over a real redis-server that is killed and started again between calls.</summary>
public sealed class FaultTolerantConversationStoreTests : IDisposable
{
    private const string ConversationId = "c-1";
    private readonly RedisServer server = RedisServer.Start();
    private readonly FakeTimeProvider clock = TestClock.Create();
    private readonly StorageOptions options;
    private readonly RedisConnection connection;
    private readonly RedisConversationStore redis;

    public FaultTolerantConversationStoreTests()
    {
        options = new StorageOptions { ConnectionString = server.ConnectionString, KeyPrefix = "tolerant:", RedisTimeoutMilliseconds = 500 };
        connection = new RedisConnection(MsOptions.Create(options), NullLogger<RedisConnection>.Instance);
        redis = new RedisConversationStore(connection, MsOptions.Create(options), clock);
    }

    public void Dispose()
    {
        connection.Dispose();
        server.Dispose();
    }

    [Fact]
    public async Task RedisStopped_LoadHasNoContextAndAssumesCrisis()
    {
        var store = NewStore();
        await WaitUntilConnectedAsync();
        await store.SaveAsync(ConversationId, new ConversationState([Turn("how does ketamine compare to ECT", "answer")], CrisisFlag: false));

        server.Stop();
        var during = await store.LoadAsync(ConversationId);

        Assert.Empty(during.RecentTurns);
        Assert.True(during.CrisisFlag);
    }

    [Fact]
    public async Task CrisisSavedWhileRedisAway_RedisBack_LoadCarriesFlag()
    {
        var store = NewStore();
        await WaitUntilConnectedAsync();
        server.Stop();
        _ = await store.LoadAsync(ConversationId);
        await store.SaveAsync(ConversationId, new ConversationState([Turn("[crisis]", "crisis")], CrisisFlag: true));

        server.Resume();
        await WaitUntilConnectedAsync();

        Assert.False((await redis.LoadAsync(ConversationId)).CrisisFlag);
        Assert.True((await store.LoadAsync(ConversationId)).CrisisFlag);
    }

    [Fact]
    public async Task CrisisFlagAlreadyStored_RedisBackAfterOutage_StillCarried()
    {
        var store = NewStore();
        await WaitUntilConnectedAsync();
        await store.SaveAsync(ConversationId, new ConversationState([Turn("[crisis]", "crisis")], CrisisFlag: true));

        server.Stop();
        var during = await store.LoadAsync(ConversationId);
        await store.SaveAsync(ConversationId, during with { RecentTurns = [Turn("is ketamine addictive", "answer")] });
        server.Resume();
        await WaitUntilConnectedAsync();

        Assert.True((await store.LoadAsync(ConversationId)).CrisisFlag);
    }

    [Fact]
    public async Task CrisisRememberedDuringOutage_PastTimeToLive_Forgotten()
    {
        var store = NewStore();
        await WaitUntilConnectedAsync();
        server.Stop();
        await store.SaveAsync(ConversationId, new ConversationState([Turn("[crisis]", "crisis")], CrisisFlag: true));
        server.Resume();
        await WaitUntilConnectedAsync();

        clock.Advance(options.ConversationTimeToLive + TimeSpan.FromMinutes(1));

        Assert.False((await store.LoadAsync(ConversationId)).CrisisFlag);
    }

    [Fact]
    public async Task StateUnreadDuringOutage_SavedAfterRedisBack_NoCrisisInvented()
    {
        var store = NewStore();
        await WaitUntilConnectedAsync();
        server.Stop();
        var unread = await store.LoadAsync(ConversationId);
        server.Resume();
        await WaitUntilConnectedAsync();

        // The turn that started from the unread state ends after Redis is back: its assumed flag is not stored.
        await store.SaveAsync(ConversationId, unread with { RecentTurns = [Turn("is ketamine addictive", "answer")] });

        Assert.False((await redis.LoadAsync(ConversationId)).CrisisFlag);
        Assert.False((await store.LoadAsync(ConversationId)).CrisisFlag);
    }

    [Fact]
    public async Task StateUnreadDuringOutage_ResetAfterRedisBack_StoredCrisisFlagKept()
    {
        // One instance saved the crisis; another, which never saw it, fails a turn while Redis is away.
        await WaitUntilConnectedAsync();
        await NewStore().SaveAsync(ConversationId, new ConversationState([Turn("[crisis]", "crisis")], CrisisFlag: true));
        var other = NewStore();
        server.Stop();
        var unread = await other.LoadAsync(ConversationId);
        server.Resume();
        await WaitUntilConnectedAsync();

        // The failed turn's recovery: reset, then save what it knows of the flag.
        await other.ResetAsync(ConversationId);
        await other.SaveAsync(ConversationId, ConversationState.Empty with { CrisisFlag = unread.CrisisFlag });

        Assert.True((await redis.LoadAsync(ConversationId)).CrisisFlag);
    }

    [Fact]
    public async Task StateReadAfterOutage_ResetForgetsContext()
    {
        var store = NewStore();
        await WaitUntilConnectedAsync();
        await store.SaveAsync(ConversationId, new ConversationState([Turn("how does ketamine compare to ECT", "answer")], CrisisFlag: false));
        _ = await store.LoadAsync(ConversationId);

        await store.ResetAsync(ConversationId);

        Assert.Empty((await store.LoadAsync(ConversationId)).RecentTurns);
    }

    private FaultTolerantConversationStore NewStore() =>
        new(redis, MsOptions.Create(options), clock, NullLogger<FaultTolerantConversationStore>.Instance);

    private ConversationTurn Turn(string query, string route) => new(clock.GetUtcNow(), query, route, []);

    private async Task WaitUntilConnectedAsync()
    {
        var maintenance = new RedisMaintenance(connection, MsOptions.Create(options));
        for (var i = 0; i < 300 && !await maintenance.IsReachableAsync(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await maintenance.IsReachableAsync(), "the Redis connection did not come back within 15 s");
    }
}
