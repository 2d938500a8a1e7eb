using System.Text;
using KetamineFaqBot.Storage.Redis;
using KetamineFaqBot.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace KetamineFaqBot.Storage.Tests.Redis;

/// <summary>The store contract over a real redis-server; each test uses its own key prefix.</summary>
public sealed class RedisStoreContractTests(RedisServerFixture redis) : StoreContractTests, IClassFixture<RedisServerFixture>
{
    private RedisConnection? connection;

    protected override StoreSet CreateStores()
    {
        Options.ConnectionString = redis.Server.ConnectionString;
        Options.KeyPrefix = "t" + Guid.NewGuid().ToString("N")[..8] + ":";
        var options = MsOptions.Create(Options);
        connection = new RedisConnection(options, NullLogger<RedisConnection>.Instance);
        var conversations = new RedisConversationStore(connection, options, Clock);
        var log = new RedisActivityLog(connection, options, Clock);
        return new StoreSet(
            conversations,
            log,
            new RedisFeedbackStore(connection),
            new RedisContentGapStore(connection),
            new RedisAnswerRecordStore(connection, options, MsOptions.Create(Privacy), Clock),
            new RedisMaintenance(connection, options),
            new RedisTurnWriter(connection, log, conversations, options, MsOptions.Create(Privacy), Clock));
    }

    /// <summary>The answers sorted set replaced by a string: every write of an answer record fails with WRONGTYPE.</summary>
    protected override async Task BreakAnswerRecordsAsync()
    {
        _ = Stores;
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        await multiplexer.GetDatabase().StringSetAsync(Options.KeyPrefix + "answers", "not a sorted set");
    }

    protected override async Task<string> DumpStoredTextAsync()
    {
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var server = multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
        var database = multiplexer.GetDatabase();
        var text = new StringBuilder();
        await foreach (var key in server.KeysAsync(pattern: Options.KeyPrefix + "*"))
        {
            text.Append((string?)key).Append('\n');
            var type = await database.KeyTypeAsync(key);
            IEnumerable<string?> values = type switch
            {
                RedisType.String => [await database.StringGetAsync(key)],
                RedisType.Hash => (await database.HashGetAllAsync(key)).SelectMany(e => new[] { (string?)e.Name, (string?)e.Value }),
                RedisType.SortedSet => (await database.SortedSetRangeByRankAsync(key)).Select(v => (string?)v),
                _ => [],
            };
            foreach (var value in values)
            {
                text.Append(value).Append('\n');
            }
        }

        return text.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        connection?.Dispose();
        base.Dispose(disposing);
    }
}
