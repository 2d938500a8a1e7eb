using System.Diagnostics;

namespace KetamineFaqBot.Load.Driving;

/// <summary>What one fixed batch of requests measured: per-request latency and send time (Stopwatch ticks), which
/// requests failed, and errors by kind.</summary>
internal sealed record DriveResult(
    int Requests, TimeSpan Elapsed, long[] LatencyTicks, long[] StartTimestamps, bool[] Failed, IReadOnlyDictionary<string, int> Errors)
{
    public int ErrorCount => Errors.Values.Sum();

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double PercentileMs(double percentile) => Percentiles.Of(LatencyTicks.Select(TicksToMs), percentile);

    public static double TicksToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
