using KetamineFaqBot.Core.Feedback;

namespace KetamineFaqBot.Storage.Resilience;

/// <summary>Feedback writes that survive a store outage through <see cref="HeldWrites"/>.</summary>
public sealed class HeldFeedbackStore(IFeedbackStore inner, HeldWrites held) : IFeedbackStore
{
    public Task RecordAsync(FeedbackRecord feedback, CancellationToken cancellationToken = default) =>
        held.WriteAsync("feedback", ct => inner.RecordAsync(feedback, ct), cancellationToken);

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ListAsync(since, maxCount, cancellationToken);
}
