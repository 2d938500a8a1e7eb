using System.Threading.Channels;
using KetamineFaqBot.Core.Feedback;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>Test-only feedback store that lets a test await the next record instead of polling.</summary>
public sealed class RecordingFeedbackStore : IFeedbackStore
{
    private readonly Channel<FeedbackRecord> _records = Channel.CreateUnbounded<FeedbackRecord>();
    private readonly System.Collections.Concurrent.ConcurrentStack<FeedbackRecord> _all = new();

    public Task RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default)
    {
        _all.Push(feedback);
        return _records.Writer.WriteAsync(feedback, cancellationToken).AsTask();
    }

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FeedbackRecord>>([.. _all.Where(f => f.At >= since).Take(maxCount)]);

    public async Task<FeedbackRecord> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _records.Reader.ReadAsync(timeout.Token);
    }
}
