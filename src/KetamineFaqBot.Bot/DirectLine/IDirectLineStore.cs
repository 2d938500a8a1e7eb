using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// The activity log of Direct Line conversations. Append assigns sequential ids ("{conversationId}|0000001"), the
/// watermark is the sequence number as a string. In memory now; SQLite/Redis later.
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

    /// <summary>Activities after <paramref name="watermark"/>, oldest first; null when the conversation is unknown.</summary>
    Task<DirectLinePage?> GetAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken = default);
}
