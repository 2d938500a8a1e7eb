using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.WebChat.Logging;

internal static partial class WebChatLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "WebChat:ClinicName is not set: the web chat page names no clinic. Set it to the clinic patients know.")]
    public static partial void ClinicNameMissing(ILogger logger);
}
