using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Storage.Redaction;

namespace KetamineFaqBot.Storage.Sqlite;

/// <summary>Content gaps in SQLite: one row per distinct redacted question, counted.</summary>
public sealed class SqliteContentGapStore(SqliteDatabase database) : IContentGapStore
{
    public async Task RecordAsync(ContentGap gap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var question = TextRedactor.Redact(gap.Question) ?? string.Empty;
        await database.WriteAsync(async write =>
        {
            await using var command = write.Command(
                    "INSERT INTO content_gaps (key, question, count, first_seen, last_seen, channel, corpus_version, top_score) " +
                    "VALUES ($key, $question, 1, $at, $at, $channel, $version, $score) " +
                    "ON CONFLICT (key) DO UPDATE SET count = count + 1, question = excluded.question, last_seen = max(last_seen, excluded.last_seen), " +
                    "channel = excluded.channel, corpus_version = excluded.corpus_version, top_score = excluded.top_score;")
                .With("$key", GapKey.Of(question))
                .With("$question", question)
                .With("$at", gap.At.ToUnixTimeMilliseconds())
                .With("$channel", gap.Channel)
                .With("$version", gap.CorpusVersion)
                .With("$score", (double)gap.TopScore);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ContentGapSummary>> TopAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
                "SELECT question, count, first_seen, last_seen, corpus_version FROM content_gaps ORDER BY count DESC, last_seen DESC LIMIT $max;")
            .With("$max", maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var gaps = new List<ContentGapSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            gaps.Add(new ContentGapSummary(reader.GetString(0), reader.GetInt64(1), reader.ReadTime(2), reader.ReadTime(3), reader.GetString(4)));
        }

        return gaps;
    }
}
