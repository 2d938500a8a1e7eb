using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Core.Records;

/// <summary>
/// The provenance of one reply, for incident review and content insights. No user text unless transcripts are
/// switched on (<see cref="Question"/> and <see cref="Text"/> are null otherwise, and redacted when present).
/// </summary>
/// <param name="ConversationHash">See <see cref="Conversations.ConversationHash"/>.</param>
/// <param name="ReplyKeys">Keys feedback can name the reply by: the channel's activity id and the bot's own key.</param>
public sealed record AnswerRecord(
    DateTimeOffset At,
    string ConversationHash,
    string Channel,
    IReadOnlyList<string> ReplyKeys,
    Route Route,
    Provenance Provenance,
    string? Question = null,
    string? Text = null);
