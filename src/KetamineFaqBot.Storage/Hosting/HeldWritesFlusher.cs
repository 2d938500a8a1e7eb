using KetamineFaqBot.Storage.Resilience;
using Microsoft.Extensions.Hosting;

namespace KetamineFaqBot.Storage.Hosting;

/// <summary>Writes records held during a store outage once the store answers again.</summary>
public sealed class HeldWritesFlusher(HeldWrites held, TimeProvider timeProvider) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (held.Count > 0)
            {
                await held.FlushAsync(stoppingToken);
            }
        }
    }
}
