using KetamineFaqBot.Bot.Hosting.Logging;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Turns;

/// <summary>Answers queued turns in the background: one reader per partition, one DI scope per turn.</summary>
public sealed class TurnWorker(TurnDispatcher queue, IServiceScopeFactory scopeFactory, ILogger<TurnWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, queue.PartitionCount).Select(p => DrainAsync(p, stoppingToken)));

    private async Task DrainAsync(int partition, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var item in queue.Reader(partition).ReadAllAsync(stoppingToken))
            {
                await ProcessAsync(item, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ProcessAsync(TurnWorkItem item, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<TurnProcessor>();
            await processor.ProcessAsync(item.Activity, item.Sender, item.Origin, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            HostLog.BackgroundTurnFailed(logger, item.Activity.Type, item.Activity.Conversation?.Id, ex.GetType().Name);
        }
    }
}
