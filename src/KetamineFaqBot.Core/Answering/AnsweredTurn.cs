using KetamineFaqBot.Core.Conversations;

namespace KetamineFaqBot.Core.Answering;

/// <summary>An answer, and the conversation state its turn leaves for the caller to save.</summary>
/// <param name="State">
/// The state to save with the turn's other writes; null when the service has already saved it (or keeps none).
/// </param>
public sealed record AnsweredTurn(Answer Answer, ConversationState? State);
