using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Storage.Logging;
using KetamineFaqBot.Storage.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Storage.Hosting;

/// <summary>Purges records past retention at start and then every <see cref="StorageOptions.PurgeInterval"/>, on the injected clock.</summary>
public sealed class RetentionService(IStoreMaintenance store, IOptions<StorageOptions> options, TimeProvider timeProvider, ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>Completed purge runs (for readiness and tests).</summary>
    public int Runs { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, timeProvider);
        do
        {
            await PurgeOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PurgeOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var removed = await store.PurgeAsync(timeProvider.GetUtcNow(), cancellationToken);
            if (removed > 0)
            {
                StorageLog.Purged(logger, removed, store.Provider);
            }
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            StorageLog.PurgeFailed(logger, store.Provider, StoreFaults.Name(ex));
        }

        Runs++;
    }
}
