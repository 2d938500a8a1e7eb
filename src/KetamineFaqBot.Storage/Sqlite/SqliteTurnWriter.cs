using KetamineFaqBot.Core.Conversations;

namespace KetamineFaqBot.Storage.Sqlite;

/// <summary>
/// A turn's replies, state and provenance record as one write of the single writer: one savepoint inside its group
/// commit, so a failure in any part rolls back every part and the turn surfaces the exception. The statements are
/// the stores' own (activity log, conversations, answer records), run in the order a reader relies on: the replies
/// get their sequence numbers and timestamps first, then the record names the first reply by the id it was given.
/// </summary>
public sealed class SqliteTurnWriter(
    SqliteDatabase database, SqliteActivityLog log, SqliteConversationStore conversations, SqliteAnswerRecordStore answers) : ITurnWriter
{
    public async Task<IReadOnlyList<LoggedActivity>?> WriteAsync(TurnWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentOutOfRangeException.ThrowIfZero(write.Replies.Count);
        return await database.WriteAsync<IReadOnlyList<LoggedActivity>?>(async w =>
        {
            var logged = new List<LoggedActivity>(write.Replies.Count);
            foreach (var reply in write.Replies)
            {
                // Unknown or expired: only the first append can find that, and it has written nothing yet.
                if (await log.AppendAsync(w, write.ConversationId, reply, null, cancellationToken) is not { } entry)
                {
                    return null;
                }

                logged.Add(entry);
            }

            if (write.State is { } state)
            {
                await conversations.SaveAsync(w, write.ConversationId, state, cancellationToken);
            }

            if (write.Record is { } record)
            {
                var replyId = logged[0].IdIn(write.ConversationId);
                await answers.RecordAsync(w, record with { ReplyKeys = [.. record.ReplyKeys, replyId] }, cancellationToken);
            }

            return logged;
        }, cancellationToken);
    }
}
