using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Storage.Telemetry;

namespace KetamineFaqBot.Storage.Resilience;

/// <summary>Answer-record writes that survive a store outage; a lookup that fails finds nothing rather than failing the turn.</summary>
public sealed class HeldAnswerRecordStore(IAnswerRecordStore inner, HeldWrites held) : IAnswerRecordStore
{
    public Task RecordAsync(AnswerRecord record, CancellationToken cancellationToken = default) =>
        held.WriteAsync("answer record", ct => inner.RecordAsync(record, ct), cancellationToken);

    public async Task<AnswerRecord?> FindAsync(string conversationHash, string replyKey, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.FindAsync(conversationHash, replyKey, cancellationToken);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            StoreTelemetry.Failed("answer record lookup", ex);
            return null;
        }
    }

    public Task<IReadOnlyList<AnswerRecord>> ListAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ListAsync(since, maxCount, cancellationToken);

    public Task<IReadOnlyList<RouteCount>> RouteCountsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        inner.RouteCountsAsync(since, cancellationToken);
}
