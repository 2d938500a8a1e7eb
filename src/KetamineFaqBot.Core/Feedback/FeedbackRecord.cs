namespace KetamineFaqBot.Core.Feedback;

/// <summary>A patient's or staff member's rating of one answer. <see cref="Comment"/> is redacted before storage.</summary>
/// <param name="Rating">like | dislike.</param>
/// <param name="ActivityId">Id of the rated reply.</param>
public sealed record FeedbackRecord(
    DateTimeOffset At,
    string ConversationId,
    string ActivityId,
    string Rating,
    string? Comment,
    Answering.Provenance? Provenance);
