using KetamineFaqBot.Bot.Hosting.Logging;
using KetamineFaqBot.Storage;
using KetamineFaqBot.Storage.Redis;
using KetamineFaqBot.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Hosting;

/// <summary>
/// Keeps the Data Protection key ring (which seals the Direct Line signing keys) with the store, so a restart and every
/// instance read the same ring with no setting of its own: with SQLite in the <c>keys</c> folder beside the database
/// file (<c>data/keys</c> by default), with Redis in the list <c>{Storage:KeyPrefix}dataprotection:keys</c>.
/// </summary>
public sealed class KeyRingLocation(IOptions<StorageOptions> storage, IServiceProvider services, ILoggerFactory loggerFactory)
    : IConfigureOptions<KeyManagementOptions>
{
    /// <summary>
    /// Data Protection keeps applications apart by this name; by default it is the content root path, which differs
    /// between hosts and install folders, so instances would not read each other's tokens.
    /// </summary>
    public const string ApplicationName = "KetamineFaqBot";

    public const string FolderName = "keys";

    public const string RedisKeyName = "dataprotection:keys";

    public void Configure(KeyManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var logger = loggerFactory.CreateLogger<KeyRingLocation>();
        if (storage.Value.Provider == StorageProvider.Redis)
        {
            var redis = services.GetRequiredService<RedisConnection>();
            options.XmlRepository = new RedisXmlRepository(() => redis.Database, redis.Key(RedisKeyName));
            HostLog.KeyRingInRedis(logger, redis.Endpoint, redis.KeyPrefix + RedisKeyName);
        }
        else
        {
            var folder = Path.Combine(Path.GetDirectoryName(services.GetRequiredService<SqliteDatabase>().FilePath)!, FolderName);
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), loggerFactory);
            HostLog.KeyRingInFolder(logger, folder);
        }
    }
}
