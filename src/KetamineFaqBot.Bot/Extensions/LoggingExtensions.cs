using KetamineFaqBot.Bot.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>Settings from the app's own folder, and log entries with secrets redacted and control characters escaped.</summary>
public static class LoggingExtensions
{
    /// <summary>
    /// Reads <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c> from the folder the bot's binaries are in,
    /// beneath those of the working directory (the content root): started from anywhere, the bot keeps the log levels
    /// it ships with (request lines, which carry query strings, stay off). A file in the working directory, environment
    /// variables and the command line still override it. Call first: later registrations read settings at once.
    /// </summary>
    public static WebApplicationBuilder AddAppFolderSettings(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var appFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(AppContext.BaseDirectory));
        var contentRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(builder.Environment.ContentRootPath));
        if (string.Equals(appFolder, contentRoot, StringComparison.Ordinal))
        {
            return builder;
        }

        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        var contentRootSettings = sources.OfType<JsonConfigurationSource>()
            .FirstOrDefault(s => string.Equals(s.Path, "appsettings.json", StringComparison.OrdinalIgnoreCase));
        var at = contentRootSettings is null ? 0 : sources.IndexOf(contentRootSettings);
        sources.Insert(at, AppFolderFile(appFolder, "appsettings.json"));
        sources.Insert(at + 1, AppFolderFile(appFolder, $"appsettings.{builder.Environment.EnvironmentName}.json"));
        return builder;
    }

    /// <summary>Every log entry, the framework's included, goes through <see cref="LogText"/> before any provider sees it.</summary>
    public static WebApplicationBuilder AddSafeLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory, SanitisingLoggerFactory>());
        return builder;
    }

    // Not watched for changes: the shipped files change with a deployment, which restarts the bot.
    private static JsonConfigurationSource AppFolderFile(string folder, string name)
    {
        var source = new JsonConfigurationSource { Path = Path.Combine(folder, name), Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        return source;
    }
}
