namespace KetamineFaqBot.Retrieval.Tests.TestSupport;

/// <summary>A clock that moves one minute each time it is read, so every build gets its own, ordered timestamp.</summary>
public sealed class SteppingTimeProvider : TimeProvider
{
    private DateTimeOffset now = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        var value = now;
        now = now.AddMinutes(1);
        return value;
    }
}
