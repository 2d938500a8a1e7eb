using KetamineFaqBot.Storage.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace KetamineFaqBot.Storage.Redis;

/// <summary>
/// One multiplexer per process. It keeps reconnecting in the background when the server goes away, and commands
/// fail fast while it is away (no backlog), so a turn answers without context instead of waiting.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer multiplexer;
    private readonly ILogger<RedisConnection> logger;

    public RedisConnection(IOptions<StorageOptions> options, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        var settings = options.Value;
        KeyPrefix = settings.KeyPrefix;
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(settings.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StorageException("Storage:ConnectionString is not a valid Redis configuration string (for example \"localhost:6379\").", ex);
        }

        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = settings.RedisTimeoutMilliseconds;
        configuration.SyncTimeout = settings.RedisTimeoutMilliseconds;
        configuration.AsyncTimeout = settings.RedisTimeoutMilliseconds;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new LinearRetry(500);
        Endpoint = string.Join(',', configuration.EndPoints.Select(e => e.ToString()));
        multiplexer = ConnectionMultiplexer.Connect(configuration);
        multiplexer.ConnectionFailed += (_, e) => StorageLog.RedisConnectionLost(logger, Endpoint, e.FailureType.ToString());
        multiplexer.ConnectionRestored += (_, _) => StorageLog.RedisConnectionRestored(logger, Endpoint);
        if (!multiplexer.IsConnected)
        {
            StorageLog.RedisNotConnectedAtStart(logger, Endpoint);
        }
    }

    public string KeyPrefix { get; }

    public string Endpoint { get; }

    public IDatabase Database => multiplexer.GetDatabase();

    public bool IsConnected => multiplexer.IsConnected;

    public RedisKey Key(string name) => KeyPrefix + name;

    public void Dispose() => multiplexer.Dispose();
}
