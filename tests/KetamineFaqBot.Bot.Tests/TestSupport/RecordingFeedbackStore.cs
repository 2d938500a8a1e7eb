using System.Threading.Channels;
using KetamineFaqBot.Core.Feedback;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>Test-only feedback store that lets a test await the next record instead of polling.</summary>
public sealed class RecordingFeedbackStore : IFeedbackStore
{
    private readonly Channel<FeedbackRecord> _records = Channel.CreateUnbounded<FeedbackRecord>();

    public Task RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default) =>
        _records.Writer.WriteAsync(feedback, cancellationToken).AsTask();

    public async Task<FeedbackRecord> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _records.Reader.ReadAsync(timeout.Token);
    }
}
