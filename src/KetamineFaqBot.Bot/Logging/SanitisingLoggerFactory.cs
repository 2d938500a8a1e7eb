using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Logging;

/// <summary>
/// The host's logger factory with <see cref="LogText"/> applied to every entry before any provider sees it: one place
/// for every value a client controls (conversation ids, activity names, request paths and queries, hosts), whether
/// the bot or the framework logs it, and for whatever provider is added later. Exceptions are passed as they are: the
/// bot logs exception types, never messages that could quote a client.
/// </summary>
public sealed class SanitisingLoggerFactory : ILoggerFactory
{
    private readonly LoggerFactory inner;
    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    /// <summary>The same dependencies, from the same container, as the <see cref="LoggerFactory"/> it wraps.</summary>
    public SanitisingLoggerFactory(
        IEnumerable<ILoggerProvider> providers,
        IOptionsMonitor<LoggerFilterOptions> filterOptions,
        IOptions<LoggerFactoryOptions>? options = null,
        IExternalScopeProvider? scopeProvider = null)
    {
        inner = new LoggerFactory(providers, filterOptions, options, scopeProvider);
    }

    public ILogger CreateLogger(string categoryName) =>
        loggers.GetOrAdd(categoryName, static (name, factory) => new SanitisingLogger(factory.CreateLogger(name)), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
