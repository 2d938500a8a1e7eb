using System.Diagnostics;

namespace KetamineFaqBot.Load.Driving;

/// <summary>What one fixed batch of requests measured: per-request latency, scheduled and actual send time (Stopwatch
/// ticks), which requests failed, and errors by kind.</summary>
/// <param name="LatencyTicks">From each request's scheduled time to its last body byte (closed loop: the scheduled time is the send).</param>
/// <param name="StartTimestamps">When each request was actually sent.</param>
/// <param name="ScheduledTimestamps">When each request was due: its send in a closed loop, <c>began + i / rate</c> in a paced run.</param>
/// <param name="OfferedRate">Requests/second offered in a paced (open-loop) run; null in a closed loop.</param>
internal sealed record DriveResult(
    int Requests,
    TimeSpan Elapsed,
    long[] LatencyTicks,
    long[] StartTimestamps,
    long[] ScheduledTimestamps,
    bool[] Failed,
    IReadOnlyDictionary<string, int> Errors,
    double? OfferedRate)
{
    public int ErrorCount => Errors.Values.Sum();

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>
    /// Paced runs only: from the last request's scheduled time to the end of the run (its last response). A bot that
    /// keeps up finishes about one latency after the schedule; one that falls behind builds a backlog and this grows.
    /// </summary>
    public double? LagMs => OfferedRate is { } rate
        ? Math.Max(0, (Elapsed.TotalSeconds - ((Requests - 1) / rate)) * 1000)
        : null;

    public double PercentileMs(double percentile) => Percentiles.Of(LatencyTicks.Select(TicksToMs), percentile);

    public static double TicksToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
