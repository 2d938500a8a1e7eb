namespace KetamineFaqBot.Core.Conversations;

/// <summary>
/// The Direct Line activity log: activities of a conversation in arrival order, each with a sequence number (the
/// watermark) and a server timestamp that never repeats or goes back within the conversation. Activities are kept
/// as opaque JSON; the channel code owns their shape.
/// </summary>
public interface IActivityLog
{
    /// <summary>False when the conversation already exists.</summary>
    Task<bool> CreateAsync(string conversationId, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends one activity; null when the conversation is unknown. An activity with <paramref name="expiresAt"/>
    /// (typing) is left out of pages once that moment has passed.
    /// </summary>
    Task<LoggedActivity?> AppendAsync(string conversationId, string activityJson, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default);

    /// <summary>Activities after <paramref name="watermark"/>, oldest first; null when the conversation is unknown.</summary>
    Task<ActivityLogPage?> ReadAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken = default);
}
