using Microsoft.Data.Sqlite;
using StackExchange.Redis;

namespace KetamineFaqBot.Storage.Resilience;

/// <summary>Which exceptions mean "the store is not answering right now" (as opposed to a bug).</summary>
public static class StoreFaults
{
    public static bool IsUnavailable(Exception? exception) =>
        exception is RedisException or TimeoutException or SqliteException or StorageException or IOException;

    public static string Name(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetType().Name;
    }
}
