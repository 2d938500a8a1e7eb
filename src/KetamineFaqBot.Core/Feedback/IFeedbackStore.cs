namespace KetamineFaqBot.Core.Feedback;

/// <summary>
/// Ratings of answers. Stores keep the conversation as its <see cref="Conversations.ConversationHash"/> and the
/// comment redacted, so records read back carry the hash in <see cref="FeedbackRecord.ConversationId"/>.
/// </summary>
public interface IFeedbackStore
{
    Task RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default);

    /// <summary>Feedback recorded at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default);
}
