using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Knowledge.Logging;

internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "No index yet: building it from the corpus ({DocumentCount} document(s) servable, {ErrorCount} lint error(s))")]
    public static partial void BuildingIndexOnStart(this ILogger logger, int documentCount, int errorCount);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Index built on first start: version {Version}, {DocumentCount} document(s), {PassageCount} passage(s), in {Seconds:0.0} s")]
    public static partial void IndexBuiltOnStart(this ILogger logger, string version, int documentCount, int passageCount, double seconds);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "The start-up warm-up question failed ({ExceptionType}); starting anyway, the first question pays for the first run of each stage")]
    public static partial void WarmUpFailed(this ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Answering ready on index version {Version}")]
    public static partial void AnsweringReady(this ILogger logger, string version);
}
