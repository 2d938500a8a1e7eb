namespace KetamineFaqBot.Core.Records;

/// <summary>Provenance records per reply, found again by a reply key when feedback arrives (on any instance).</summary>
public interface IAnswerRecordStore
{
    Task RecordAsync(AnswerRecord record, CancellationToken cancellationToken = default);

    Task<AnswerRecord?> FindAsync(string conversationHash, string replyKey, CancellationToken cancellationToken = default);

    /// <summary>Records at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<AnswerRecord>> ListAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Replies per UTC day and route (wire names) since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<RouteCount>> RouteCountsAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
