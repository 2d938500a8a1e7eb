using System.Diagnostics.Metrics;
using KetamineFaqBot.Core.Telemetry;

namespace KetamineFaqBot.Storage.Telemetry;

/// <summary>
/// Counts store operations that failed because the store was not answering (the turn went on without it). Static like
/// the stores' log messages: the resilient wrappers are also built by hand in the CLI and tests.
/// </summary>
public static class StoreTelemetry
{
    public const string FailuresName = "kfaq.store.failures";

    private static readonly Meter Meter = new(TelemetryNames.Source);
    private static readonly Counter<long> Failures =
        Meter.CreateCounter<long>(FailuresName, "{failure}", "Store operations that failed because the store was not answering.");

    /// <param name="operation">A fixed operation name ("conversation load", "feedback", …).</param>
    public static void Failed(string operation, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Failures.Add(
            1,
            new KeyValuePair<string, object?>(TelemetryNames.StoreOperationTag, operation),
            new KeyValuePair<string, object?>(TelemetryNames.ErrorTypeTag, exception.GetType().Name));
    }
}
