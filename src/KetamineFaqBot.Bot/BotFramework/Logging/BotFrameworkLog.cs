using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.BotFramework.Logging;

internal static partial class BotFrameworkLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Inbound activity refused (401): {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string? reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Turn queue full; activity in conversation {ConversationId} refused (503)")]
    public static partial void QueueFull(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Conversation {ConversationId} over its message rate (429)")]
    public static partial void RateLimited(ILogger logger, string conversationId);
}
