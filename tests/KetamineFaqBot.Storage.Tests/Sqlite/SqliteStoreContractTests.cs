using System.Text;
using KetamineFaqBot.Storage.Sqlite;
using KetamineFaqBot.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace KetamineFaqBot.Storage.Tests.Sqlite;

/// <summary>The store contract over a real SQLite file in a temp folder.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kfaq-sqlite-" + Guid.NewGuid().ToString("N"));
    private SqliteDatabase? database;

    protected override StoreSet CreateStores()
    {
        database = new SqliteDatabase("state.db", folder, busyTimeoutSeconds: 10, NullLogger<SqliteDatabase>.Instance);
        database.Initialise();
        var options = MsOptions.Create(Options);
        var conversations = new SqliteConversationStore(database, options, Clock);
        var log = new SqliteActivityLog(database, options, Clock);
        var answers = new SqliteAnswerRecordStore(database, MsOptions.Create(Privacy));
        return new StoreSet(
            conversations,
            log,
            new SqliteFeedbackStore(database),
            new SqliteContentGapStore(database),
            answers,
            new SqliteMaintenance(database, options),
            new SqliteTurnWriter(database, log, conversations, answers));
    }

    /// <summary>A trigger refuses every answer record, as a full disk or a broken file would refuse a write.</summary>
    protected override async Task BreakAnswerRecordsAsync()
    {
        _ = Stores;
        await using var connection = new SqliteConnection(database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TRIGGER refuse_answers BEFORE INSERT ON answers BEGIN SELECT RAISE(ABORT, 'answer records refused'); END;";
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<string> DumpStoredTextAsync()
    {
        var text = new StringBuilder();
        await using var connection = new SqliteConnection(database!.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\";";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        base.Dispose(disposing);
    }
}
