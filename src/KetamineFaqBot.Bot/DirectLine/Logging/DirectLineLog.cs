using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.DirectLine.Logging;

internal static partial class DirectLineLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId} started")]
    public static partial void Started(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Direct Line turn queue full; activity in conversation {ConversationId} refused")]
    public static partial void QueueFull(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Direct Line stream for {ConversationId} closed: {Reason}")]
    public static partial void StreamClosed(ILogger logger, string conversationId, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Direct Line token refused: its signing key was not sealed by this key ring (the ring was lost or replaced, instances do not share it, or the token is forged)")]
    public static partial void TokenKeyNotUnsealed(ILogger logger);
}
