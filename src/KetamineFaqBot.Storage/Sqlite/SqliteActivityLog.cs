using KetamineFaqBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Storage.Sqlite;

/// <summary>
/// The Direct Line activity log in SQLite. Appends run in an immediate transaction so sequence numbers and
/// timestamps are assigned by exactly one writer at a time, whatever process it is in.
/// </summary>
public sealed class SqliteActivityLog(SqliteDatabase database, IOptions<StorageOptions> options, TimeProvider timeProvider) : IActivityLog
{
    public async Task<bool> CreateAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return await database.WriteAsync(async write =>
        {
            await using var command = write.Command(
                    "INSERT INTO dl_conversations (id, last_seq, last_ts, touched) VALUES ($id, 0, 0, $now) ON CONFLICT (id) DO NOTHING;")
                .With("$id", conversationId)
                .With("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT 1 FROM dl_conversations WHERE id = $id AND touched >= $since;")
            .With("$id", conversationId)
            .With("$since", Since());
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<LoggedActivity?> AppendAsync(string conversationId, string activityJson, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityJson);
        return await database.WriteAsync(write => AppendAsync(write, conversationId, activityJson, expiresAt, cancellationToken), cancellationToken);
    }

    /// <summary>One append inside a write of the single writer (a turn's batched write appends its replies here).</summary>
    internal async Task<LoggedActivity?> AppendAsync(
        SqliteWrite write, string conversationId, string activityJson, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        long lastSequence, lastTimestamp;
        await using (var read = write.Command("SELECT last_seq, last_ts FROM dl_conversations WHERE id = $id AND touched >= $since;")
            .With("$id", conversationId).With("$since", Since()))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            lastSequence = reader.GetInt64(0);
            lastTimestamp = reader.GetInt64(1);
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var sequence = lastSequence + 1;

        // Web Chat orders by timestamp: never let two activities share one or go back in time.
        var timestamp = Math.Max(now, lastTimestamp + 1);
        await using (var update = write.Command("UPDATE dl_conversations SET last_seq = $seq, last_ts = $ts, touched = $now WHERE id = $id;")
            .With("$seq", sequence).With("$ts", timestamp).With("$now", now).With("$id", conversationId))
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = write.Command("INSERT INTO dl_activities (conversation_id, seq, ts, expires, json) VALUES ($id, $seq, $ts, $expires, $json);")
            .With("$id", conversationId).With("$seq", sequence).With("$ts", timestamp)
            .With("$expires", expiresAt?.ToUnixTimeMilliseconds()).With("$json", activityJson))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var keep = options.Value.MaxActivitiesPerConversation;
        if (sequence > keep)
        {
            await using var trim = write.Command("DELETE FROM dl_activities WHERE conversation_id = $id AND seq <= $oldest;")
                .With("$id", conversationId).With("$oldest", sequence - keep);
            await trim.ExecuteNonQueryAsync(cancellationToken);
        }

        return new LoggedActivity(sequence, DateTimeOffset.FromUnixTimeMilliseconds(timestamp), activityJson);
    }

    public async Task<ActivityLogPage?> ReadAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var connection = await database.OpenAsync(cancellationToken);

        // One read transaction: the page and the conversation's last sequence come from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        long lastSequence;
        await using (var head = connection.Command("SELECT last_seq FROM dl_conversations WHERE id = $id AND touched >= $since;", transaction)
            .With("$id", conversationId).With("$since", Since()))
        {
            if (await head.ExecuteScalarAsync(cancellationToken) is not long last)
            {
                return null;
            }

            lastSequence = last;
        }

        var activities = new List<LoggedActivity>();
        await using (var page = connection.Command(
                "SELECT seq, ts, json FROM dl_activities WHERE conversation_id = $id AND seq > $watermark AND (expires IS NULL OR expires > $now) ORDER BY seq LIMIT $max;", transaction)
            .With("$id", conversationId).With("$watermark", watermark)
            .With("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()).With("$max", maxCount))
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                activities.Add(new LoggedActivity(reader.GetInt64(0), reader.ReadTime(1), reader.GetString(2)));
            }
        }

        // A full page continues after its last activity; otherwise everything up to the end has been seen.
        var next = activities.Count == maxCount ? activities[^1].Sequence : lastSequence;
        return new ActivityLogPage(activities, next);
    }

    private long Since() => (timeProvider.GetUtcNow() - options.Value.ActivityLogRetention).ToUnixTimeMilliseconds();
}
