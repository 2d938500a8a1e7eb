using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Retrieval.Logging;

/// <summary>
/// Retrieval log lines (event ids 3000–3099). Versions, counts and reasons only: never query text.
/// </summary>
internal static partial class RetrievalLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information,
        Message = "Index version {Version} built: {PassageCount} passages ({FaqCount} FAQ) from {DocumentCount} documents in {ElapsedMs} ms")]
    public static partial void IndexBuilt(this ILogger logger, string version, int passageCount, int faqCount, int documentCount, long elapsedMs);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Corpus unchanged since index version {Version}; nothing built")]
    public static partial void IndexUnchanged(this ILogger logger, string version);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error,
        Message = "Index build of version {Version} failed; partial output removed, current pointer untouched")]
    public static partial void IndexBuildFailed(this ILogger logger, Exception exception, string version);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Old index version {Version} pruned")]
    public static partial void VersionPruned(this ILogger logger, string version);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Could not remove index folder {Path}")]
    public static partial void CleanupFailed(this ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information,
        Message = "Serving index version {NewVersion} (was {OldVersion})")]
    public static partial void IndexSwapped(this ILogger logger, string newVersion, string oldVersion);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning,
        Message = "Index version {Version} rejected, still serving {ServingVersion}: {Reason}")]
    public static partial void VersionRejected(this ILogger logger, string version, string servingVersion, string reason);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information,
        Message = "Serving index version {Version} ({PassageCount} passages)")]
    public static partial void IndexOpened(this ILogger logger, string version, int passageCount);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning,
        Message = "Index reload check failed, still serving {ServingVersion}: {Reason}")]
    public static partial void ReloadCheckFailed(this ILogger logger, string servingVersion, string reason);
}
