using System.Globalization;
using KetamineFaqBot.Storage.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Storage.Sqlite;

/// <summary>
/// The SQLite file: connection string, schema migrations (SQL files applied in order, tracked in
/// <c>PRAGMA user_version</c>), WAL mode so readers never block the writer, and a busy timeout so concurrent writers
/// queue instead of failing. <see cref="Initialise"/> runs at start-up and turns every unusable-file case into a
/// <see cref="StorageException"/> that says what is wrong.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly ILogger<SqliteDatabase> logger;

    // SQLite has one writer at a time. Writes of this process queue here and one loop commits them in groups; left
    // to SQLite, a writer that finds the lock taken would have its thread put to sleep (150 ms per retry) by the
    // ADO.NET provider, and every write would pay for its own commit.
    private const int MaxBatch = 128;
    private readonly System.Threading.Channels.Channel<PendingWrite> writes =
        System.Threading.Channels.Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly Task writer;
    private readonly string connectionPragmas;

    public SqliteDatabase(string connectionStringOrPath, string baseFolder, int busyTimeoutSeconds, ILogger<SqliteDatabase> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringOrPath);
        this.logger = logger;
        var builder = connectionStringOrPath.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionStringOrPath)
            : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath };
        if (builder.DataSource.Length == 0 || builder.DataSource == ":memory:")
        {
            throw new StorageException("Storage:ConnectionString must name a SQLite file: conversations and records have to survive a restart.");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, baseFolder);
        builder.DefaultTimeout = busyTimeoutSeconds;
        builder.Pooling = true;
        FilePath = builder.DataSource;
        ReadOnly = builder.Mode == SqliteOpenMode.ReadOnly;
        ConnectionString = builder.ToString();

        // busy_timeout: a writer in another process (kfaq insights, a second bot) is waited for by SQLite's own
        // short back-off. synchronous=NORMAL: in WAL mode a commit survives a process crash without an fsync per
        // write; only a power loss can drop the last commits (checkpoints still fsync).
        connectionPragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA synchronous = NORMAL;");
        writer = Task.Run(RunWriterAsync);
    }

    public string FilePath { get; }

    internal string ConnectionString { get; }

    private bool ReadOnly { get; }

    /// <summary>Creates or migrates the schema and proves the file can be written. Idempotent.</summary>
    public void Initialise()
    {
        if (ReadOnly)
        {
            throw new StorageException($"The SQLite store {FilePath} is opened read-only (Mode=ReadOnly): the bot must write conversations and records. Remove Mode=ReadOnly from Storage:ConnectionString.");
        }

        // SAFETY: a file an operator marked read-only is treated as read-only even for a process that could
        // override the permission bits; writing into it anyway would surprise them.
        if (File.Exists(FilePath) && !OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(FilePath) & UnixFileMode.UserWrite) == 0)
        {
            throw new StorageException($"The SQLite store {FilePath} is read-only: make it writable by the bot's user or point Storage:ConnectionString at another file.");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using var connection = Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            using var transaction = connection.BeginTransaction(deferred: false);
            var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
            var applied = 0;
            foreach (var (number, sql) in Migrations().Where(m => m.Number > version))
            {
                Execute(connection, sql, transaction);
                Execute(connection, $"PRAGMA user_version = {number.ToString(CultureInfo.InvariantCulture)};", transaction);
                version = number;
                applied++;
            }

            // A real write, so a file that cannot be written fails here and not on a patient's first question.
            Execute(connection, "INSERT INTO store_meta (key, value) VALUES ('last_start', $now) ON CONFLICT (key) DO UPDATE SET value = excluded.value;", transaction,
                ("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            transaction.Commit();
            StorageLog.SqliteReady(logger, FilePath, version, applied);
        }
        catch (SqliteException ex)
        {
            throw Explain(ex);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> as part of the next group commit: the single writer of this process takes every
    /// write queued at that moment, runs each inside its own savepoint (a failing write rolls back alone and gets
    /// its exception), and commits them together — one commit for many writes instead of one each.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteWrite, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var pending = new PendingWrite(async w => await write(w), cancellationToken);
        ObjectDisposedException.ThrowIf(!writes.Writer.TryWrite(pending), this);

        return (T)(await pending.Completion.Task)!;
    }

    internal Task WriteAsync(Func<SqliteWrite, Task> write, CancellationToken cancellationToken) =>
        WriteAsync<object?>(async w => { await write(w); return null; }, cancellationToken);

    public void Dispose()
    {
        writes.Writer.TryComplete();
        writer.GetAwaiter().GetResult();
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && writes.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Completion.TrySetCanceled(next.CancellationToken);
                    continue;
                }

                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var results = new object?[batch.Count];
        var failures = new Exception?[batch.Count];
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var write = new SqliteWrite(connection, transaction);
            for (var i = 0; i < batch.Count; i++)
            {
                await ExecuteAsync(connection, transaction, "SAVEPOINT w;");
                try
                {
                    results[i] = await batch[i].Write(write);
                    await ExecuteAsync(connection, transaction, "RELEASE w;");
                }
                catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: 5 or 6 or 8 or 10 or 13 })
                {
                    // This write alone is undone; the others in the batch still commit.
                    await ExecuteAsync(connection, transaction, "ROLLBACK TO w; RELEASE w;");
                    failures[i] = ex;
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
        {
            // Busy, read-only, I/O or disk-full: nothing in the batch was stored.
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Completion.TrySetException(failure);
            }
            else
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        await using var command = connection.Command(sql, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record PendingWrite(Func<SqliteWrite, Task<object?>> Write, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        ApplyPragmas(connection);
        return connection;
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        ApplyPragmas(connection);
        return connection;
    }

    private void ApplyPragmas(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = connectionPragmas;
        command.ExecuteNonQuery();
    }

    private StorageException Explain(SqliteException ex) => ex.SqliteErrorCode switch
    {
        8 => new StorageException($"The SQLite store {FilePath} is read-only: make it writable by the bot's user or point Storage:ConnectionString at another file.", ex),
        5 or 6 => new StorageException($"The SQLite store {FilePath} is locked by another process: stop the other bot or tool using it, or point Storage:ConnectionString at another file.", ex),
        14 => new StorageException($"The SQLite store {FilePath} cannot be opened or created: check the folder exists and is writable.", ex),
        26 => new StorageException($"{FilePath} is not a SQLite database: point Storage:ConnectionString at a new file.", ex),
        _ => new StorageException($"The SQLite store {FilePath} cannot be used (SQLite error {ex.SqliteErrorCode.ToString(CultureInfo.InvariantCulture)}).", ex),
    };

    private static IEnumerable<(int Number, string Sql)> Migrations()
    {
        var assembly = typeof(SqliteDatabase).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var number = int.Parse(name.AsSpan("Migrations.".Length, 4), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (number, reader.ReadToEnd());
        }
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
