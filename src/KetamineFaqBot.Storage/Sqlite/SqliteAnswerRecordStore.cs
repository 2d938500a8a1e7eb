using System.Globalization;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Records;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Storage.Sqlite;

/// <summary>Answer provenance in SQLite, with an index from reply keys to records for feedback.</summary>
public sealed class SqliteAnswerRecordStore(SqliteDatabase database, IOptions<PrivacyOptions> privacy) : IAnswerRecordStore
{
    public async Task RecordAsync(AnswerRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await database.WriteAsync(write => RecordAsync(write, record, cancellationToken), cancellationToken);
    }

    /// <summary>One record inside a write of the single writer (a turn's batched write records its reply here).</summary>
    internal Task RecordAsync(SqliteWrite write, AnswerRecord record, CancellationToken cancellationToken) =>
        InsertAsync(write, RecordTranscripts.Prepare(record, privacy.Value), cancellationToken);

    private static async Task InsertAsync(SqliteWrite write, AnswerRecord stored, CancellationToken cancellationToken)
    {
        long id;
        await using (var insert = write.Command(
                "INSERT INTO answers (at, conversation_hash, channel, route, record) VALUES ($at, $hash, $channel, $route, $record) RETURNING id;")
            .With("$at", stored.At.ToUnixTimeMilliseconds())
            .With("$hash", stored.ConversationHash)
            .With("$channel", stored.Channel)
            .With("$route", stored.Route.ToWire())
            .With("$record", StoreJson.Serialize(stored)))
        {
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        foreach (var key in stored.ReplyKeys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal))
        {
            await using var link = write.Command(
                    "INSERT INTO answer_keys (conversation_hash, reply_key, answer_id) VALUES ($hash, $key, $id) " +
                    "ON CONFLICT (conversation_hash, reply_key) DO UPDATE SET answer_id = excluded.answer_id;")
                .With("$hash", stored.ConversationHash).With("$key", key).With("$id", id);
            await link.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<AnswerRecord?> FindAsync(string conversationHash, string replyKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT a.record FROM answer_keys k JOIN answers a ON a.id = k.answer_id WHERE k.conversation_hash = $hash AND k.reply_key = $key;")
            .With("$hash", conversationHash).With("$key", replyKey);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? StoreJson.Deserialize<AnswerRecord>(json) : null;
    }

    public async Task<IReadOnlyList<AnswerRecord>> ListAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT record FROM answers WHERE at >= $since ORDER BY at DESC, id DESC LIMIT $max;")
            .With("$since", since.ToUnixTimeMilliseconds()).With("$max", maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AnswerRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(StoreJson.Deserialize<AnswerRecord>(reader.GetString(0)));
        }

        return records;
    }

    public async Task<IReadOnlyList<RouteCount>> RouteCountsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day, route, COUNT(*) FROM answers WHERE at >= $since GROUP BY day, route ORDER BY day, route;")
            .With("$since", since.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<RouteCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new RouteCount(DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(1), reader.GetInt64(2)));
        }

        return counts;
    }
}
