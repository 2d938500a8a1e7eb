using KetamineFaqBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace KetamineFaqBot.Storage.Tests.Sqlite;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kfaq-sqlite-db-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Initialise_NewFile_CreatesSchemaInWalMode()
    {
        var database = Create("data/nested/state.db");

        database.Initialise();

        Assert.True(File.Exists(Path.Combine(folder, "data/nested/state.db")));
        Assert.Equal("wal", Scalar(database, "PRAGMA journal_mode;"));
        Assert.Equal(1L, Scalar(database, "PRAGMA user_version;"));
        Assert.Equal(1L, Scalar(database, "SELECT count(*) FROM sqlite_master WHERE name = 'dl_activities';"));
    }

    [Fact]
    public void Initialise_Twice_KeepsDataAndVersion()
    {
        var database = Create("state.db");
        database.Initialise();
        Execute(database, "INSERT INTO feedback (at, conversation_hash, activity_id, rating) VALUES (1, 'h', 'a', 'like');");

        Create("state.db").Initialise();

        Assert.Equal(1L, Scalar(database, "SELECT count(*) FROM feedback;"));
        Assert.Equal(1L, Scalar(database, "PRAGMA user_version;"));
    }

    [Fact]
    public void Initialise_ReadOnlyFile_ClearError()
    {
        Create("state.db").Initialise();
        SqliteConnection.ClearAllPools();
        var path = Path.Combine(folder, "state.db");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        var error = Assert.Throws<StorageException>(() => Create("state.db").Initialise());

        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialise_ReadOnlyMode_ClearError()
    {
        Create("state.db").Initialise();

        var error = Assert.Throws<StorageException>(() => Create($"Data Source={Path.Combine(folder, "state.db")};Mode=ReadOnly").Initialise());

        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialise_FileLockedByAnotherWriter_ClearError()
    {
        var first = Create("state.db");
        first.Initialise();
        using var holder = new SqliteConnection(first.ConnectionString);
        holder.Open();
        using var exclusive = holder.BeginTransaction(deferred: false);
        using (var write = holder.CreateCommand())
        {
            write.Transaction = exclusive;
            write.CommandText = "INSERT INTO store_meta (key, value) VALUES ('holder', 'x');";
            write.ExecuteNonQuery();
        }

        var error = Assert.Throws<StorageException>(() => Create("state.db").Initialise());

        Assert.Contains("locked by another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialise_NotASqliteFile_ClearError()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "state.db"), new string('x', 4096));

        var error = Assert.Throws<StorageException>(() => Create("state.db").Initialise());

        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_OneWriteOfAGroupFails_OnlyThatWriteUndone()
    {
        using var database = Create("state.db");
        database.Initialise();

        var writes = Enumerable.Range(0, 40).Select(i => Task.Run(() => database.WriteAsync(async write =>
        {
            await using var insert = write.Command("INSERT INTO feedback (at, conversation_hash, activity_id, rating) VALUES ($i, 'h', $id, 'like');")
                .With("$i", i).With("$id", "a-" + i);
            await insert.ExecuteNonQueryAsync();
            if (i == 7)
            {
                throw new InvalidOperationException("write 7 fails after its insert");
            }
        }, CancellationToken.None))).ToList();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[7]);
        await Task.WhenAll(writes.Where((_, i) => i != 7));

        Assert.Equal("write 7 fails after its insert", failure.Message);
        Assert.Equal(39L, Scalar(database, "SELECT count(*) FROM feedback;"));
        Assert.Equal(0L, Scalar(database, "SELECT count(*) FROM feedback WHERE activity_id = 'a-7';"));
    }

    [Fact]
    public void Constructor_InMemoryDatabase_Refused()
    {
        var error = Assert.Throws<StorageException>(() => new SqliteDatabase("Data Source=:memory:", folder, 1, NullLogger<SqliteDatabase>.Instance));

        Assert.Contains("survive a restart", error.Message, StringComparison.Ordinal);
    }

    private SqliteDatabase Create(string connectionStringOrPath) =>
        new(connectionStringOrPath, folder, busyTimeoutSeconds: 1, NullLogger<SqliteDatabase>.Instance);

    private static object? Scalar(SqliteDatabase database, string sql)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteDatabase database, string sql)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
