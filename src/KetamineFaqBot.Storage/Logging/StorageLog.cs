using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Storage.Logging;

/// <summary>Source-generated log messages of the stores. Never stored text, never a conversation id.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "SQLite store ready at {Path}: schema version {Version}, {Applied} migration(s) applied")]
    public static partial void SqliteReady(ILogger logger, string path, int version, int applied);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Storage provider {Provider} selected")]
    public static partial void ProviderSelected(ILogger logger, string provider);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Error, Message = "Redis connection to {Endpoint} lost ({FailureType}): turns are answered without context and records are held in memory until it returns")]
    public static partial void RedisConnectionLost(ILogger logger, string endpoint, string failureType);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "Redis connection to {Endpoint} restored")]
    public static partial void RedisConnectionRestored(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Redis at {Endpoint} is not reachable at start-up; the bot reports not-ready until it is")]
    public static partial void RedisNotConnectedAtStart(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Warning, Message = "Store unavailable during {Operation} ({ExceptionType}); continuing without it")]
    public static partial void StoreUnavailable(ILogger logger, string operation, string exceptionType);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Warning, Message = "Store unavailable: {Operation} held for retry ({Pending} pending)")]
    public static partial void WriteHeld(ILogger logger, string operation, int pending);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Error, Message = "Store unavailable: {Operation} dropped, the retry queue is full ({Capacity})")]
    public static partial void WriteDropped(ILogger logger, string operation, int capacity);

    [LoggerMessage(EventId = 6023, Level = LogLevel.Information, Message = "Store back: {Written} held record(s) written")]
    public static partial void HeldWritesFlushed(ILogger logger, int written);

    [LoggerMessage(EventId = 6024, Level = LogLevel.Error, Message = "{Evicted} remembered crisis flag(s) dropped to stay within {Capacity}: those conversations rely on the store's own flag")]
    public static partial void CrisisFlagsEvicted(ILogger logger, int evicted, int capacity);

    [LoggerMessage(EventId = 6030, Level = LogLevel.Information, Message = "Retention: {Removed} record(s) past retention removed from {Provider}")]
    public static partial void Purged(ILogger logger, long removed, string provider);

    [LoggerMessage(EventId = 6031, Level = LogLevel.Warning, Message = "Retention run failed on {Provider} ({ExceptionType}); retrying at the next interval")]
    public static partial void PurgeFailed(ILogger logger, string provider, string exceptionType);
}
