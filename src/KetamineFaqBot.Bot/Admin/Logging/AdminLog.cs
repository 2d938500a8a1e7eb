namespace KetamineFaqBot.Bot.Admin.Logging;

internal static partial class AdminLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning, Message = "Admin request to {Path} refused: key {Reason}")]
    public static partial void Unauthorized(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Admin reindex: {Status}, version {Version} (was {Previous})")]
    public static partial void Reindexed(ILogger logger, string status, string version, string previous);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Admin reindex refused: the corpus has {Errors} error(s)")]
    public static partial void ReindexRefused(ILogger logger, int errors);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Admin reindex built {Version} but the live index did not take it: {Reason}")]
    public static partial void ReindexNotLive(ILogger logger, string version, string reason);
}
