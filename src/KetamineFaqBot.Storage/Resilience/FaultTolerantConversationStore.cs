using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Storage.Logging;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Storage.Resilience;

/// <summary>
/// Conversation state that never fails a turn: when the store is away the turn is answered without follow-up
/// context (the guardrails still see the message itself), and the failure is logged.
/// </summary>
public sealed class FaultTolerantConversationStore(IConversationStore inner, ILogger<FaultTolerantConversationStore> logger) : IConversationStore
{
    public async Task<ConversationState> LoadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.LoadAsync(conversationId, cancellationToken);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            StorageLog.StoreUnavailable(logger, "conversation load", StoreFaults.Name(ex));
            return ConversationState.Empty;
        }
    }

    public async Task SaveAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.SaveAsync(conversationId, state, cancellationToken);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            StorageLog.StoreUnavailable(logger, "conversation save", StoreFaults.Name(ex));
        }
    }

    public async Task ResetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.ResetAsync(conversationId, cancellationToken);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            StorageLog.StoreUnavailable(logger, "conversation reset", StoreFaults.Name(ex));
        }
    }
}
