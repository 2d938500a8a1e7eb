namespace KetamineFaqBot.Core.Conversations;

/// <summary>Conversation state for follow-ups and the crisis flag. SQLite by default, Redis to scale out.</summary>
public interface IConversationStore
{
    Task<ConversationState> LoadAsync(string conversationId, CancellationToken cancellationToken = default);

    Task SaveAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default);

    Task ResetAsync(string conversationId, CancellationToken cancellationToken = default);
}
