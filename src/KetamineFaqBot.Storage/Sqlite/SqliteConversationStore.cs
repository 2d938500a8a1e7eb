using KetamineFaqBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Storage.Sqlite;

/// <summary>Follow-up context in SQLite, keyed by conversation hash; state older than its time to live reads as empty.</summary>
public sealed class SqliteConversationStore(SqliteDatabase database, IOptions<StorageOptions> options, TimeProvider timeProvider) : IConversationStore
{
    public async Task<ConversationState> LoadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT state FROM conversations WHERE hash = $hash AND touched >= $since;")
            .With("$hash", ConversationHash.Of(conversationId))
            .With("$since", (timeProvider.GetUtcNow() - options.Value.ConversationTimeToLive).ToUnixTimeMilliseconds());
        var state = (string?)await command.ExecuteScalarAsync(cancellationToken);
        return state is null ? ConversationState.Empty : StoreJson.Deserialize<ConversationState>(state);
    }

    public async Task SaveAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await database.WriteAsync(write => SaveAsync(write, conversationId, state, cancellationToken), cancellationToken);
    }

    /// <summary>One save inside a write of the single writer (a turn's batched write saves its state here).</summary>
    internal async Task SaveAsync(SqliteWrite write, string conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        var prepared = ConversationRedaction.Prepare(state);
        var hash = ConversationHash.Of(conversationId);
        var now = timeProvider.GetUtcNow();

        // SAFETY: once a conversation has hit crisis, its later answers carry the crisis resources. A save that
        // started from a state without the flag (another bot instance's turn, or a read that failed) must not
        // clear it: the writer reads the stored flag inside the same transaction and keeps it. Only a reset does.
        if (!prepared.CrisisFlag)
        {
            // Only the flag is read (not the whole state): this runs on every save, inside the single writer.
            await using var read = write.Command("SELECT json_extract(state, '$.crisisFlag') FROM conversations WHERE hash = $hash AND touched >= $since;")
                .With("$hash", hash)
                .With("$since", (now - options.Value.ConversationTimeToLive).ToUnixTimeMilliseconds());
            if (await read.ExecuteScalarAsync(cancellationToken) is long flag && flag != 0)
            {
                prepared = prepared with { CrisisFlag = true };
            }
        }

        await using var command = write.Command(
                "INSERT INTO conversations (hash, state, touched) VALUES ($hash, $state, $now) " +
                "ON CONFLICT (hash) DO UPDATE SET state = excluded.state, touched = excluded.touched;")
            .With("$hash", hash)
            .With("$state", StoreJson.Serialize(prepared))
            .With("$now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(async write =>
        {
            await using var command = write.Command("DELETE FROM conversations WHERE hash = $hash;")
                .With("$hash", ConversationHash.Of(conversationId));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }
}
