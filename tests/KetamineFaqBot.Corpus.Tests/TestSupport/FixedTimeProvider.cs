namespace KetamineFaqBot.Corpus.Tests.TestSupport;

/// <summary>A clock stopped at one instant so review-date rules are deterministic.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static FixedTimeProvider On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
