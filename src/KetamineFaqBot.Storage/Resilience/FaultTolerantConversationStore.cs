using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Storage.Logging;
using KetamineFaqBot.Storage.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Storage.Resilience;

/// <summary>
/// Conversation state that never fails a turn and never loses a crisis to an outage. When the store is away a turn is
/// answered without follow-up context (the guardrails still see the message itself) and as if the conversation had
/// hit crisis, since whether it has cannot be read. Crisis flags this instance has seen stay in memory (hashes and
/// times only, bounded, for the conversation time to live), so a crisis whose save failed still counts once the
/// store is back.
/// </summary>
public sealed class FaultTolerantConversationStore : IConversationStore
{
    /// <summary>Most conversations remembered in each in-memory set (crisis seen, state unread).</summary>
    public const int Capacity = 10_000;

    private static readonly string CrisisRoute = RouteNames.ToWire(Route.Crisis);
    private readonly IConversationStore inner;
    private readonly ILogger<FaultTolerantConversationStore> logger;
    private readonly RecentConversations crisis;
    private readonly RecentConversations unread;

    public FaultTolerantConversationStore(
        IConversationStore inner, IOptions<StorageOptions> options, TimeProvider timeProvider, ILogger<FaultTolerantConversationStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.inner = inner;
        this.logger = logger;
        var timeToLive = options.Value.ConversationTimeToLive;
        crisis = new RecentConversations(timeProvider, timeToLive, Capacity);
        unread = new RecentConversations(timeProvider, timeToLive, Capacity);
    }

    public async Task<ConversationState> LoadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var hash = ConversationHash.Of(conversationId);
        ConversationState state;
        try
        {
            state = await inner.LoadAsync(conversationId, cancellationToken);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            StorageLog.StoreUnavailable(logger, "conversation load", StoreFaults.Name(ex));
            StoreTelemetry.Failed("conversation load", ex);
            unread.Touch(hash);

            // SAFETY: whether this conversation has hit crisis cannot be read, so its answer carries the crisis
            // resources. SaveAsync does not store this assumption.
            return ConversationState.Empty with { CrisisFlag = true };
        }

        unread.Remove(hash);
        if (state.CrisisFlag)
        {
            Remember(hash);
            return state;
        }

        // SAFETY: a crisis seen here whose save failed while the store was away.
        return crisis.Contains(hash) ? state with { CrisisFlag = true } : state;
    }

    public async Task SaveAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default)
    {
        var stored = ToStore(conversationId, state);
        try
        {
            await inner.SaveAsync(conversationId, stored, cancellationToken);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            StorageLog.StoreUnavailable(logger, "conversation save", StoreFaults.Name(ex));
            StoreTelemetry.Failed("conversation save", ex);
        }
    }

    /// <summary>
    /// The state a save stores: a crisis this turn knows of is remembered here first (so it survives a failed
    /// write), and a flag only assumed because the state could not be read is left out. Every save goes through
    /// this, <see cref="SaveAsync"/> and a turn's batched write (<see cref="ResilientTurnWriter"/>) alike.
    /// </summary>
    public ConversationState ToStore(string conversationId, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var hash = ConversationHash.Of(conversationId);

        // A flag assumed because the state could not be read is not evidence of a crisis: stored, it would follow a
        // conversation that never had one for the rest of its life. Saving without it keeps whatever the store holds
        // (its flag is sticky), so nothing real is cleared either.
        var known = state.CrisisFlag
            && (!unread.Contains(hash) || crisis.Contains(hash) || state.RecentTurns.Any(t => t.Route == CrisisRoute));
        if (known)
        {
            Remember(hash);
        }

        return known == state.CrisisFlag ? state : state with { CrisisFlag = false };
    }

    public async Task ResetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        // SAFETY: a turn that ran without its stored state (unread) cannot have failed because of it, and resetting
        // would delete a crisis flag that this instance never read. The remembered crisis flag outlives a reset, as
        // the stores' flag outlives the save that follows one.
        if (unread.Contains(ConversationHash.Of(conversationId)))
        {
            return;
        }

        try
        {
            await inner.ResetAsync(conversationId, cancellationToken);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            StorageLog.StoreUnavailable(logger, "conversation reset", StoreFaults.Name(ex));
            StoreTelemetry.Failed("conversation reset", ex);
        }
    }

    private void Remember(string hash)
    {
        var evicted = crisis.Touch(hash);
        if (evicted > 0)
        {
            StorageLog.CrisisFlagsEvicted(logger, evicted, Capacity);
        }
    }
}
