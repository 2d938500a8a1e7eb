using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Protocol.Logging;

/// <summary>Turn events. Never the text of a message: only ids, routes and types.</summary>
internal static partial class TurnLog
{
    // Debug: one line per turn costs the answering workers measurable time under load (docs/performance.md).
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Answered turn in conversation {ConversationId} on {ChannelId} with route {Route}")]
    public static partial void Answered(ILogger logger, string conversationId, string? channelId, string route);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Turn failed in conversation {ConversationId} on {ChannelId}: {ExceptionType}; apology sent")]
    public static partial void TurnFailed(ILogger logger, string conversationId, string? channelId, string exceptionType);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Feedback {Rating} recorded for reply {ReplyId} in conversation {ConversationId} (provenance known: {Known})")]
    public static partial void FeedbackRecorded(ILogger logger, string rating, string replyId, string conversationId, bool known);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Ignored activity of type {ActivityType} (name {Name})")]
    public static partial void Ignored(ILogger logger, string? activityType, string? name);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Conversation state reset failed for {ConversationId}: {ExceptionType}")]
    public static partial void ResetFailed(ILogger logger, string conversationId, string exceptionType);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Sending the apology failed in conversation {ConversationId}: {ExceptionType}")]
    public static partial void ApologyFailed(ILogger logger, string conversationId, string exceptionType);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Malformed feedback ignored in conversation {ConversationId}")]
    public static partial void MalformedFeedback(ILogger logger, string conversationId);
}
