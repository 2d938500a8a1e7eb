using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Storage.Hosting;
using KetamineFaqBot.Storage.Sqlite;
using KetamineFaqBot.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace KetamineFaqBot.Storage.Tests.Hosting;

public sealed class RetentionServiceTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kfaq-retention-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ExecuteAsync_ClockPassesRetention_PurgesOnNextInterval()
    {
        var clock = TestClock.Create();
        var options = MsOptions.Create(new StorageOptions { RecordRetention = TimeSpan.FromDays(30), PurgeInterval = TimeSpan.FromHours(1) });
        var database = new SqliteDatabase("state.db", folder, 5, NullLogger<SqliteDatabase>.Instance);
        database.Initialise();
        var feedback = new SqliteFeedbackStore(database);
        await feedback.RecordAsync(new FeedbackRecord(clock.GetUtcNow(), "c-1", "old", "like", null, null));
        using var service = new RetentionService(new SqliteMaintenance(database, options), options, clock, NullLogger<RetentionService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await WaitForRunsAsync(service, 1);
        Assert.Single(await feedback.ListAsync(DateTimeOffset.MinValue, 10));

        clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromHours(1));
        await WaitForRunsAsync(service, 2);

        Assert.Empty(await feedback.ListAsync(DateTimeOffset.MinValue, 10));
        await service.StopAsync(CancellationToken.None);
    }

    private static async Task WaitForRunsAsync(RetentionService service, int runs)
    {
        // Waits for the background loop to finish a run; the fake clock decides when runs are due.
        for (var i = 0; i < 500 && service.Runs < runs; i++)
        {
            await Task.Delay(10);
        }

        Assert.True(service.Runs >= runs, $"retention ran {service.Runs} time(s), expected {runs}");
    }
}
