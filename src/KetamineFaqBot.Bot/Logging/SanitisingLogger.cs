using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Logging;

/// <summary>Hands every entry and scope to the real logger with its values sanitised (<see cref="LogText"/>).</summary>
internal sealed class SanitisingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull =>
        state switch
        {
            string text when LogText.NeedsSanitising(text) => inner.BeginScope(LogText.Sanitise(text)),
            string => inner.BeginScope(state),
            _ => SanitisedLogState.From(state, s => s.ToString() ?? string.Empty) is { } clean ? inner.BeginScope(clean) : inner.BeginScope(state),
        };

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        if (SanitisedLogState.From(state, s => formatter(s, exception)) is { } clean)
        {
            inner.Log(logLevel, eventId, clean, exception, SanitisedLogState.Format);
        }
        else
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
