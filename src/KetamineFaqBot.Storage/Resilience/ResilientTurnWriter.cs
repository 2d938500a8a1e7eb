using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Storage.Logging;
using KetamineFaqBot.Storage.Telemetry;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Storage.Resilience;

/// <summary>
/// A turn's batched write with the conversation store's crisis rules applied to its state (the same
/// <see cref="FaultTolerantConversationStore.ToStore"/> every save goes through). A store that is away fails the
/// whole write, logged and counted like any store outage, and the exception goes on to the turn: its reply was not
/// stored, so the turn fails as a reply that cannot be appended always has (an apology is tried). Nothing is held
/// for later: a provenance record of a reply nobody was shown would describe nothing.
/// </summary>
public sealed class ResilientTurnWriter(ITurnWriter inner, FaultTolerantConversationStore conversations, ILogger<ResilientTurnWriter> logger) : ITurnWriter
{
    public const string Operation = "turn write";

    public async Task<IReadOnlyList<LoggedActivity>?> WriteAsync(TurnWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var stored = write.State is { } state ? write with { State = conversations.ToStore(write.ConversationId, state) } : write;
        try
        {
            return await inner.WriteAsync(stored, cancellationToken);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            StorageLog.StoreUnavailable(logger, Operation, StoreFaults.Name(ex));
            StoreTelemetry.Failed(Operation, ex);
            throw;
        }
    }
}
