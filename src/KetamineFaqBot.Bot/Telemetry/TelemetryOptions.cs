namespace KetamineFaqBot.Bot.Telemetry;

/// <summary>
/// Telemetry (section "Telemetry"). Traces and metrics go to an OTLP collector only when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> environment variable is set; that is not a setting of this section.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// Serve the metrics for Prometheus at <c>/metrics</c> (off: 404). On a non-loopback address the scrape needs the
    /// admin key (<c>Admin:ApiKey</c>), as the admin API does.
    /// </summary>
    public bool Prometheus { get; set; }
}
