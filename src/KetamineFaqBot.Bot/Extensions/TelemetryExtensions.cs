using KetamineFaqBot.Bot.Telemetry;
using KetamineFaqBot.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>
/// OpenTelemetry traces and metrics: the bot's own source and meter (<see cref="TelemetryNames.Source"/>), ASP.NET
/// Core and HttpClient instrumentation, ids scrubbed from HTTP spans (<see cref="UrlScrubbingProcessor"/>). What is
/// collected is configured always; a provider (and its listeners) exists only for an exporter: OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, Prometheus at <c>/metrics</c> when <c>Telemetry:Prometheus</c> is on.
/// With neither, turns pay nothing for telemetry.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The standard OpenTelemetry variable; the OTLP exporter reads its endpoint (and OTEL_EXPORTER_OTLP_*) itself.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<ListenAddresses>();

        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(TelemetryNames.Source)
            .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
            .AddHttpClientInstrumentation()
            .AddProcessor(new UrlScrubbingProcessor()));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(TelemetryNames.Source)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation());

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        var prometheus = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>()?.Prometheus ?? false;
        if (otlp || prometheus)
        {
            var openTelemetry = services.AddOpenTelemetry();
            if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
            {
                openTelemetry.ConfigureResource(resource => resource.AddService(TelemetryNames.Source));
            }

            if (otlp)
            {
                openTelemetry.WithTracing(tracing => tracing.AddOtlpExporter());
            }

            openTelemetry.WithMetrics(metrics =>
            {
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        }

        return builder;
    }

    /// <summary>Health probes and scrapes arrive every few seconds and say nothing about patients' turns.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments(MetricsEndpoint.Path);
}
