using KetamineFaqBot.Core.Records;

namespace KetamineFaqBot.Core.Conversations;

/// <summary>
/// What finishes one answered turn in a channel whose replies live in the activity log (Direct Line): the replies,
/// the conversation state and the provenance record, written by <see cref="ITurnWriter"/> as one store write.
/// </summary>
/// <param name="ConversationId">The channel's conversation id (the log's key; state and record are keyed by its hash).</param>
/// <param name="Replies">Activity JSON, appended to the log in this order.</param>
/// <param name="State">The state to save, as the pipeline left it; null saves none.</param>
/// <param name="Record">
/// The provenance of the first reply, null for none. The id the log gives that reply
/// (<see cref="LoggedActivity.IdIn"/>) joins its reply keys, so feedback naming the reply by its id finds it.
/// </param>
public sealed record TurnWrite(string ConversationId, IReadOnlyList<string> Replies, ConversationState? State, AnswerRecord? Record);
