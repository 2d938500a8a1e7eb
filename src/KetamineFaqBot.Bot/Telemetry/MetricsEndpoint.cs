using KetamineFaqBot.Bot.Admin;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Telemetry;

/// <summary><c>GET /metrics</c>: the Prometheus scrape, mapped only when <c>Telemetry:Prometheus</c> is on (otherwise 404).</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Created now, so the index-version gauge is reported before the first question.
        _ = app.ServiceProvider.GetRequiredService<BotMetrics>();
        if (app.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(Path)
                .AddEndpointFilter<IEndpointConventionBuilder, MetricsAccessFilter>()
                .RequireRateLimiting(AdminEndpoints.RateLimitPolicy);
        }

        return app;
    }
}
