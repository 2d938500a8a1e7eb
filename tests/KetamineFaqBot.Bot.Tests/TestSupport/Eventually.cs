namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>Waits for background work (a reply, a stored record) by polling its result, never by timing it.</summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>The first non-null result of <paramref name="probe"/>; fails the test after 30 s.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The condition did not hold within {Limit.TotalSeconds} s.");
    }
}
