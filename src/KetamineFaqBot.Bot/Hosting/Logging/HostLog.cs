using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Hosting.Logging;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Background turn of type {ActivityType} in conversation {ConversationId} failed: {ExceptionType}")]
    public static partial void BackgroundTurnFailed(ILogger logger, string? activityType, string? conversationId, string exceptionType);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Running in anonymous mode (no Microsoft app id): /api/messages accepts only loopback serviceUrls")]
    public static partial void AnonymousMode(ILogger logger);
}
