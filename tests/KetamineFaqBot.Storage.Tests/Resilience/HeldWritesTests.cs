using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Storage.Redis;
using KetamineFaqBot.Storage.Resilience;
using KetamineFaqBot.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace KetamineFaqBot.Storage.Tests.Resilience;

/// <summary>A real redis-server stopped and started again under the resilient stores.</summary>
public sealed class HeldWritesTests : IDisposable
{
    private readonly RedisServer server = RedisServer.Start();
    private readonly RedisConnection connection;
    private readonly StorageOptions options;

    public HeldWritesTests()
    {
        options = new StorageOptions { ConnectionString = server.ConnectionString, KeyPrefix = "held:", RedisTimeoutMilliseconds = 500 };
        connection = new RedisConnection(MsOptions.Create(options), NullLogger<RedisConnection>.Instance);
    }

    public void Dispose()
    {
        connection.Dispose();
        server.Dispose();
    }

    [Fact]
    public async Task RedisStoppedAndRestarted_StoredAndHeldRecordsAllThere()
    {
        var held = new HeldWrites(NullLogger<HeldWrites>.Instance);
        var feedback = new HeldFeedbackStore(new RedisFeedbackStore(connection), held);
        await WaitUntilConnectedAsync();
        await feedback.RecordAsync(new FeedbackRecord(TestClock.Start, "c-1", "before", "like", null, null));

        server.Stop();
        await feedback.RecordAsync(new FeedbackRecord(TestClock.Start.AddMinutes(1), "c-1", "during", "dislike", null, null));
        Assert.Equal(1, held.Count);
        Assert.Equal(0, await held.FlushAsync(CancellationToken.None));

        server.Resume();
        await WaitUntilConnectedAsync();
        var written = await held.FlushAsync(CancellationToken.None);

        Assert.Equal(1, written);
        Assert.Equal(0, held.Count);
        var listed = await feedback.ListAsync(DateTimeOffset.MinValue, 10);
        Assert.Equal(["during", "before"], listed.Select(f => f.ActivityId));
    }

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
