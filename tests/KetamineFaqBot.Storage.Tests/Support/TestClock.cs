using Microsoft.Extensions.Time.Testing;

namespace KetamineFaqBot.Storage.Tests.Support;

internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
