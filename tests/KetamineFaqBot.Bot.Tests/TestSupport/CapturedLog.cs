using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>One log entry as a provider saw it: the formatted line, its structured values and any exception text.</summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyDictionary<string, string?> Values,
    string? Exception)
{
    /// <summary>Everything this entry would put in a log sink, as one string to search.</summary>
    public string AllText => string.Join('\n', [Message, .. Values.Values, Exception]);
}
