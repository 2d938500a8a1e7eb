namespace KetamineFaqBot.Storage;

/// <summary>Where conversations and records live.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file under the data folder: the embedded default for a single instance.</summary>
    Sqlite,

    /// <summary>A Redis server shared by every bot instance.</summary>
    Redis,
}
