using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>Keeps every formatted log line (with its event id and exception text) so tests can check what was logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(int EventId, string Line)> _lines = new();

    public IReadOnlyList<(int EventId, string Line)> Lines => [.. _lines];

    public string AllText => string.Join('\n', _lines.Select(l => l.Line));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(int EventId, string Line)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue((eventId.Id, $"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {exception}"));
        }
    }
}
