namespace KetamineFaqBot.Load.Driving;

/// <summary>Nearest-rank percentiles: the reported p99 is a latency some request really had.</summary>
internal static class Percentiles
{
    /// <summary>The value at <paramref name="percentile"/> (0–100) of <paramref name="values"/>; 0 for none.</summary>
    public static double Of(IEnumerable<double> values, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
