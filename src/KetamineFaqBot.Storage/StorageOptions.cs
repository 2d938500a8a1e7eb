using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Storage;

/// <summary>Storage settings (section "Storage"). Environment variables override them as usual (Storage__Provider).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// SQLite: a file path (relative paths are under the bot's base folder) or a full SQLite connection string.
    /// Redis: a StackExchange.Redis configuration string such as "localhost:6379".
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "data/ketaminefaqbot.db";

    /// <summary>Prefix of every Redis key, so several deployments can share one server.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9:_-]{1,40}$")]
    public string KeyPrefix { get; set; } = "kfaq:";

    /// <summary>How long follow-up context (recent turns and the crisis flag) lives after the last turn.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ConversationTimeToLive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a Direct Line conversation's activity log (which holds message text) is kept after its last activity.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan ActivityLogRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long feedback, content gaps and answer provenance records are kept.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan RecordRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the background job purges records past retention.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most activities kept per Direct Line conversation; the oldest go first.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 5_000;

    /// <summary>SQLite: how long a writer waits for another writer's lock before failing.</summary>
    [Range(1, 300)]
    public int BusyTimeoutSeconds { get; set; } = 5;

    /// <summary>Redis: connect and command timeout.</summary>
    [Range(100, 60_000)]
    public int RedisTimeoutMilliseconds { get; set; } = 2_000;
}
