using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Answering.Logging;

/// <summary>Source-generated log messages of the answering pipeline. Never the text of a message or a question.</summary>
internal static partial class AnsweringLog
{
    // Debug: one line per turn costs the answering workers measurable time under load (docs/performance.md).
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug,
        Message = "Turn answered: route {Route}, composer {Composer}, {Hits} hit(s), {Citations} citation(s), {ElapsedMs} ms")]
    public static partial void TurnAnswered(this ILogger logger, string route, string composer, int hits, int citations, long elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Confidence gate refused: top score {TopScore}, coverage {Coverage}; content gap recorded")]
    public static partial void GateRefused(this ILogger logger, float topScore, double coverage);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "The question asks for a {AnswerType} the top passages do not state; content gap recorded")]
    public static partial void AnswerTypeUnsupported(this ILogger logger, string answerType);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug,
        Message = "Follow-up made standalone ({Method}); out-of-scope rescue {Rescued}")]
    public static partial void FollowUpContextualised(this ILogger logger, string method, bool rescued);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information,
        Message = "Generated answer: {Kept} sentence(s) kept, {Dropped} dropped by output checks, {ElapsedMs} ms")]
    public static partial void GeneratedAnswer(this ILogger logger, int kept, int dropped, long elapsedMs);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning,
        Message = "Generated answer failed the output checks ({Dropped} sentence(s) dropped); falling back to extractive")]
    public static partial void GeneratedAnswerUnsupported(this ILogger logger, int dropped);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning,
        Message = "Model timed out after {TimeoutSeconds} s; falling back to extractive")]
    public static partial void ModelTimedOut(this ILogger logger, double timeoutSeconds);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning,
        Message = "Model call failed ({ErrorType}); falling back to extractive")]
    public static partial void ModelFailed(this ILogger logger, string errorType, Exception exception);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning,
        Message = "Query rewrite by the model failed or was unusable ({Reason}); using the deterministic rewrite")]
    public static partial void RewriteFellBack(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug,
        Message = "The question paraphrases a vetted FAQ entry; its answer is sent though the lexical gate did not pass")]
    public static partial void FaqParaphraseMatched(this ILogger logger);
}
