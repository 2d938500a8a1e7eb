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
        IEnumerable<IReadinessCheck> checks, IServiceProvider services, CancellationToken cancellationToken)
    {
        var failing = new List<string>();
        foreach (var check in checks)
        {
            if (!await check.IsReadyAsync(cancellationToken))
            {
                failing.Add(check.Name);
            }
        }

        var (version, model) = Served(services);
        return failing.Count == 0
            ? TypedResults.Ok(new HealthStatus("ready", [], version, model))
            : TypedResults.Json(new HealthStatus("not_ready", failing, version, model), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The index version being served and the sentence model it was built with, when an index is loaded.</summary>
    private static (string? Version, string? Model) Served(IServiceProvider services)
    {
        try
        {
            if (services.GetService<Retrieval.Search.LiveIndex>() is not { } live)
            {
                return (null, null);
            }

            var semantic = live.Manifest.Extensions?.FirstOrDefault(e => e.Name == Semantics.SemanticIndexExtension.FolderName);
            return (live.CorpusVersion, semantic is null ? "none" : semantic.Figures.GetValueOrDefault("model"));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException)
        {
            // No servable index yet: the answer-service check reports it.
            return (null, null);
        }
    }
}
