using System.Collections.Concurrent;
using KetamineFaqBot.Core.Records;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>Answer records kept in a list, for tests that build the turn processor by hand.</summary>
public sealed class RecordingAnswerRecordStore : IAnswerRecordStore
{
    private readonly ConcurrentQueue<AnswerRecord> _records = new();

    public IReadOnlyList<AnswerRecord> Records => [.. _records];

    public Task RecordAsync(AnswerRecord record, CancellationToken cancellationToken = default)
    {
        _records.Enqueue(record);
        return Task.CompletedTask;
    }

    public Task<AnswerRecord?> FindAsync(string conversationHash, string replyKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.LastOrDefault(r => r.ConversationHash == conversationHash && r.ReplyKeys.Contains(replyKey)));

    public Task<IReadOnlyList<AnswerRecord>> ListAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AnswerRecord>>([.. _records.Where(r => r.At >= since).Reverse().Take(maxCount)]);

    public Task<IReadOnlyList<RouteCount>> RouteCountsAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RouteCount>>([.. _records.Where(r => r.At >= since)
            .GroupBy(r => (Day: DateOnly.FromDateTime(r.At.UtcDateTime), Route: KetamineFaqBot.Core.Answering.RouteNames.ToWire(r.Route)))
            .Select(g => new RouteCount(g.Key.Day, g.Key.Route, g.LongCount()))]);
}
