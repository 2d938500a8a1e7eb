using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Hosting.Logging;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Background turn of type {ActivityType} in conversation {ConversationId} failed: {ExceptionType}")]
    public static partial void BackgroundTurnFailed(ILogger logger, string? activityType, string? conversationId, string exceptionType);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Running in anonymous mode (no Microsoft app id): /api/messages accepts only loopback serviceUrls")]
    public static partial void AnonymousMode(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Data Protection key ring (seals web chat token keys; back it up with the data): folder {Folder}")]
    public static partial void KeyRingInFolder(ILogger logger, string folder);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Data Protection key ring (seals web chat token keys; back it up with the data): Redis {Endpoint} key {Key}")]
    public static partial void KeyRingInRedis(ILogger logger, string endpoint, string key);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Store unavailable: {Endpoint} answered 503 with Retry-After ({ExceptionType})")]
    public static partial void StoreUnavailableRequest(ILogger logger, string endpoint, string exceptionType);
}
