using KetamineFaqBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>Real SQLite stores in a temp folder, for tests that build components by hand.</summary>
public sealed class TempSqliteStores : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kfaq-bot-stores-" + Guid.NewGuid().ToString("N"));

    public TempSqliteStores()
    {
        var database = new SqliteDatabase("state.db", _folder, 5, NullLogger<SqliteDatabase>.Instance);
        database.Initialise();
        Feedback = new SqliteFeedbackStore(database);
    }

    public SqliteFeedbackStore Feedback { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
