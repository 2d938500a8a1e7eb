using KetamineFaqBot.Answering.Insights;
using KetamineFaqBot.Storage;
using KetamineFaqBot.Storage.Redis;
using KetamineFaqBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace KetamineFaqBot.Cli.Commands.Insights;

/// <summary>The bot's stores opened read-mostly for a report (SQLite file or Redis), and the builder over them.</summary>
internal sealed class InsightsStores : IDisposable
{
    private readonly IDisposable connection;

    private InsightsStores(InsightsBuilder builder, IDisposable connection)
    {
        Builder = builder;
        this.connection = connection;
    }

    public InsightsBuilder Builder { get; }

    public static InsightsStores Open(InsightsArguments arguments, TimeProvider timeProvider)
    {
        if (arguments.Redis is { } configuration)
        {
            var options = MsOptions.Create(new StorageOptions { Provider = StorageProvider.Redis, ConnectionString = configuration, KeyPrefix = arguments.Prefix });
            var connection = new RedisConnection(options, NullLogger<RedisConnection>.Instance);
            if (!connection.IsConnected)
            {
                connection.Dispose();
                throw new StorageException($"Redis at '{configuration}' is not reachable.");
            }

            return new InsightsStores(
                new InsightsBuilder(
                    new RedisContentGapStore(connection),
                    new RedisFeedbackStore(connection),
                    new RedisAnswerRecordStore(connection, options, MsOptions.Create(new PrivacyOptions()), timeProvider),
                    timeProvider),
                connection);
        }

        var database = new SqliteDatabase(arguments.Store, Directory.GetCurrentDirectory(), busyTimeoutSeconds: 5, NullLogger<SqliteDatabase>.Instance);

        // Brings an older file's schema up to date; the bot does the same on start.
        database.Initialise();
        return new InsightsStores(
            new InsightsBuilder(
                new SqliteContentGapStore(database),
                new SqliteFeedbackStore(database),
                new SqliteAnswerRecordStore(database, MsOptions.Create(new PrivacyOptions())),
                timeProvider),
            database);
    }

    public void Dispose() => connection.Dispose();
}
