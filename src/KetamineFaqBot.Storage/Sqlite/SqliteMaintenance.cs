using KetamineFaqBot.Core.Records;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Storage.Sqlite;

/// <summary>Readiness and retention for the SQLite store.</summary>
public sealed class SqliteMaintenance(SqliteDatabase database, IOptions<StorageOptions> options) : IStoreMaintenance
{
    public string Provider => "sqlite";

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.Command("SELECT count(*) FROM store_meta;");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }

    public async Task<long> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var conversations = (now - settings.ConversationTimeToLive).ToUnixTimeMilliseconds();
        var logs = (now - settings.ActivityLogRetention).ToUnixTimeMilliseconds();
        var records = (now - settings.RecordRetention).ToUnixTimeMilliseconds();

        return await database.WriteAsync(write => PurgeAsync(write, conversations, logs, records, cancellationToken), cancellationToken);
    }

    private static async Task<long> PurgeAsync(
        SqliteWrite write, long conversations, long logs, long records, CancellationToken cancellationToken)
    {
        long removed = 0;
        foreach (var (sql, cutoff) in new (string, long)[]
        {
            ("DELETE FROM conversations WHERE touched < $cutoff;", conversations),
            ("DELETE FROM dl_activities WHERE conversation_id IN (SELECT id FROM dl_conversations WHERE touched < $cutoff);", logs),
            ("DELETE FROM dl_conversations WHERE touched < $cutoff;", logs),
            ("DELETE FROM feedback WHERE at < $cutoff;", records),
            ("DELETE FROM content_gaps WHERE last_seen < $cutoff;", records),
            ("DELETE FROM answer_keys WHERE answer_id IN (SELECT id FROM answers WHERE at < $cutoff);", records),
            ("DELETE FROM answers WHERE at < $cutoff;", records),
        })
        {
            await using var command = write.Command(sql).With("$cutoff", cutoff);
            removed += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return removed;
    }
}
