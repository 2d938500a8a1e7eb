using System.Diagnostics;
using KetamineFaqBot.Load.Driving;

namespace KetamineFaqBot.Load.Tests.Driving;

public sealed class DriveResultTests
{
    [Fact]
    public void LagMs_PacedRunEndingAfterItsSchedule_IsTheTimeFromTheLastDueRequestToTheEnd()
    {
        // Three requests at 2/s: the last is due at 1 s; the run ended at 1.5 s.
        var result = Result(TimeSpan.FromSeconds(1.5), offeredRate: 2);

        Assert.Equal(500, result.LagMs!.Value, precision: 6);
    }

    [Fact]
    public void LagMs_ClosedLoop_IsNull()
    {
        Assert.Null(Result(TimeSpan.FromSeconds(1), offeredRate: null).LagMs);
    }

    [Fact]
    public void PercentileMs_Latencies_AreConvertedFromStopwatchTicks()
    {
        var result = Result(TimeSpan.FromSeconds(1), offeredRate: null);

        Assert.Equal(30, result.PercentileMs(99), precision: 6);
    }

    private static DriveResult Result(TimeSpan elapsed, double? offeredRate)
    {
        long Ms(int ms) => Stopwatch.Frequency * ms / 1000;
        return new DriveResult(3, elapsed, [Ms(10), Ms(20), Ms(30)], new long[3], new long[3], new bool[3], new Dictionary<string, int>(), offeredRate);
    }
}
