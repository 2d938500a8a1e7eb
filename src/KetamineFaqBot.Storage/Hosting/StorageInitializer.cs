using KetamineFaqBot.Storage.Redis;
using KetamineFaqBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KetamineFaqBot.Storage.Hosting;

/// <summary>
/// Opens the store before the bot takes traffic: SQLite creates or migrates its schema and proves it can write
/// (a read-only or locked file stops start-up with a <see cref="StorageException"/> saying so); Redis starts
/// connecting (an absent server is reported not-ready, not fatal, as it may come up after the bot).
/// </summary>
public sealed class StorageInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<SqliteDatabase>()?.Initialise();
        services.GetService<RedisConnection>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
