using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Storage.Resilience;

/// <summary>Content-gap writes that survive a store outage through <see cref="HeldWrites"/>.</summary>
public sealed class HeldContentGapStore(IContentGapStore inner, HeldWrites held) : IContentGapStore
{
    public Task RecordAsync(ContentGap gap, CancellationToken cancellationToken = default) =>
        held.WriteAsync("content gap", ct => inner.RecordAsync(gap, ct), cancellationToken);

    public Task<IReadOnlyList<ContentGapSummary>> TopAsync(int maxCount, CancellationToken cancellationToken = default) =>
        inner.TopAsync(maxCount, cancellationToken);
}
