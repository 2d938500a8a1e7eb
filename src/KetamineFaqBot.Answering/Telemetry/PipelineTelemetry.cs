using System.Diagnostics;
using System.Diagnostics.Metrics;
using KetamineFaqBot.Core.Telemetry;

namespace KetamineFaqBot.Answering.Telemetry;

/// <summary>
/// The pipeline's stage spans and its content-gap counter, under the bot's one source name. Static, because the pipeline
/// is also built by hand (CLI, evaluation, tests); with no listener each call costs a null check.
/// </summary>
internal static class PipelineTelemetry
{
    public const string Guardrails = "guardrails";
    public const string Classifier = "classifier";
    public const string Retrieval = "retrieval";
    public const string Compose = "compose";
    public const string Checks = "checks";
    public const string Store = "store";

    public const string ContentGapsName = "kfaq.content_gaps";

    private static readonly ActivitySource Source = new(TelemetryNames.Source);
    private static readonly Meter Meter = new(TelemetryNames.Source);
    private static readonly Counter<long> ContentGaps =
        Meter.CreateCounter<long>(ContentGapsName, "{gap}", "In-scope questions no vetted content answered, recorded as content gaps.");

    /// <summary>
    /// A child span for one stage of a traced turn; null outside one (the warm-up question, the CLI), so stages never
    /// appear as traces of their own.
    /// </summary>
    public static Activity? Stage(string name) =>
        Activity.Current is null ? null : Source.StartActivity(name, ActivityKind.Internal);

    public static void ContentGapRecorded(string? channel) =>
        ContentGaps.Add(1, new KeyValuePair<string, object?>(TelemetryNames.ChannelTag, TelemetryNames.Channel(channel)));
}
