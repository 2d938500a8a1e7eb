using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KetamineFaqBot.Bot.Health;

/// <summary>GET /healthz (the process is alive) and GET /readyz (every readiness check passes, else 503).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok", [])));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    private static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> ReadyAsync(
        IEnumerable<IReadinessCheck> checks, CancellationToken cancellationToken)
    {
        var failing = new List<string>();
        foreach (var check in checks)
        {
            if (!await check.IsReadyAsync(cancellationToken))
            {
                failing.Add(check.Name);
            }
        }

        return failing.Count == 0
            ? TypedResults.Ok(new HealthStatus("ready", []))
            : TypedResults.Json(new HealthStatus("not_ready", failing), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
