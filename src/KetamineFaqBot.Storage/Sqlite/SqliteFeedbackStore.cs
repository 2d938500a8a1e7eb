using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Storage.Redaction;

namespace KetamineFaqBot.Storage.Sqlite;

/// <summary>Feedback in SQLite: conversation hashed, comment redacted before it is written.</summary>
public sealed class SqliteFeedbackStore(SqliteDatabase database) : IFeedbackStore
{
    public async Task RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await database.WriteAsync(async write =>
        {
            await using var command = write.Command(
                    "INSERT INTO feedback (at, conversation_hash, activity_id, rating, comment, provenance) VALUES ($at, $hash, $activity, $rating, $comment, $provenance);")
                .With("$at", feedback.At.ToUnixTimeMilliseconds())
                .With("$hash", ConversationHash.Of(feedback.ConversationId))
                .With("$activity", feedback.ActivityId)
                .With("$rating", feedback.Rating)
                .With("$comment", TextRedactor.Redact(feedback.Comment))
                .With("$provenance", feedback.Provenance is null ? null : StoreJson.Serialize(feedback.Provenance));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT at, conversation_hash, activity_id, rating, comment, provenance FROM feedback WHERE at >= $since ORDER BY at DESC, id DESC LIMIT $max;")
            .With("$since", since.ToUnixTimeMilliseconds())
            .With("$max", maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<FeedbackRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new FeedbackRecord(
                reader.ReadTime(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : StoreJson.Deserialize<Provenance>(reader.GetString(5))));
        }

        return records;
    }
}
