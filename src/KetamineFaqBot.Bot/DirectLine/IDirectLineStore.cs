using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Records;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// The activity log of Direct Line conversations. Append assigns sequential ids ("{conversationId}|0000001"), the
/// watermark is the sequence number as a string. SQLite or Redis, through the stores' activity log.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>False when the conversation already exists.</summary>
    Task<bool> CreateConversationAsync(string conversationId, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends the activity, setting its <c>id</c> and a monotonic server <c>timestamp</c> on it. Returns its sequence
    /// number, or null when the conversation is unknown. An activity with <paramref name="expiresAt"/> (typing) is left
    /// out of pages once that moment has passed.
    /// </summary>
    Task<long?> AppendAsync(string conversationId, Activity activity, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends an answered turn's replies (setting each one's <c>id</c> and <c>timestamp</c>) and saves its state and
    /// provenance record with them, in one store write: all of it or none. Returns the replies' sequence numbers, or
    /// null when the conversation is unknown (nothing written). The id of the first reply joins the record's keys.
    /// </summary>
    Task<IReadOnlyList<long>?> AppendTurnAsync(
        string conversationId, IReadOnlyList<Activity> replies, ConversationState? state, AnswerRecord? record, CancellationToken cancellationToken = default);

    /// <summary>Activities after <paramref name="watermark"/>, oldest first; null when the conversation is unknown.</summary>
    Task<DirectLinePage?> GetAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same page as stored: each activity's JSON (without id and timestamp) with its sequence number and timestamp,
    /// for answering a poll without a deserialise and serialise round trip. Null when the conversation is unknown.
    /// </summary>
    Task<ActivityLogPage?> GetStoredAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken = default);
}
