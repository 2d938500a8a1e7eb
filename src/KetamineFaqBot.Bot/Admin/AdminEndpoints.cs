using KetamineFaqBot.Answering.Insights;
using KetamineFaqBot.Bot.Knowledge;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Versioning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Admin;

/// <summary>
/// <c>/admin/*</c> for content owners, mapped only when <c>Admin:ApiKey</c> is set (otherwise every path is 404):
/// <c>POST /admin/reindex</c>, <c>GET /admin/index</c>, <c>GET /admin/insights</c> (JSON, or HTML for
/// <c>Accept: text/html</c>), plus the key-entry page <c>GET /insights</c> that shows the HTML report in a browser, with
/// its script and stylesheet under <c>/insights/</c>.
/// </summary>
public static class AdminEndpoints
{
    public const string RateLimitPolicy = "admin";

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value.Enabled)
        {
            return app;
        }

        var admin = app.MapGroup("/admin").AddEndpointFilter<AdminKeyFilter>().RequireRateLimiting(RateLimitPolicy);
        admin.MapPost("/reindex", ReindexAsync);
        admin.MapGet("/index", Index);
        admin.MapGet("/insights", InsightsAsync);
        app.MapGet("/insights", () => TypedResults.Content(InsightsPage.Html, "text/html; charset=utf-8")).RequireRateLimiting(RateLimitPolicy);
        app.MapGet(InsightsPage.ScriptPath, () => TypedResults.Content(InsightsPage.Script, "text/javascript; charset=utf-8"));
        app.MapGet(InsightsPage.StylesheetPath, () => TypedResults.Content(InsightsPage.Stylesheet, "text/css; charset=utf-8"));
        return app;
    }

    private static async Task<Results<Ok<ReindexResult>, ProblemHttpResult>> ReindexAsync(ContentReindexer reindexer, CancellationToken cancellationToken)
    {
        var (result, errors) = await reindexer.ReindexAsync(cancellationToken);
        if (result is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The corpus has lint errors; the live index was not changed",
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = errors.Select(e => new { file = e.File, line = e.Line, rule = e.Rule, message = e.Message }).ToList(),
                });
        }

        return TypedResults.Ok(result);
    }

    private static Ok<LiveIndexStatus> Index(LiveIndex live)
    {
        var versions = new IndexVersions(live.Root).List()
            .Select(v => new IndexVersionStatus(v.Name, v.IsCurrent, v.Manifest?.BuiltAtUtc, v.Manifest?.PassageCount, v.Error))
            .ToList();
        return TypedResults.Ok(new LiveIndexStatus(live.CorpusVersion, live.Manifest, versions));
    }

    private static async Task<IResult> InsightsAsync(
        HttpRequest request, InsightsBuilder insights, LiveIndex live, KnowledgePaths paths, TimeProvider timeProvider, CancellationToken cancellationToken,
        int days = 30, int top = 20)
    {
        if (days is < 1 or > 3650 || top is < 1 or > 500)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "days must be 1–3650 and top 1–500");
        }

        // Overdue documents are left out of the index but belong in the report, so read the corpus with them.
        var corpus = CorpusLoader.Load(paths.CorpusFolder, new CorpusLoadOptions { AllowExpired = true }, timeProvider);
        var report = await insights.BuildAsync(
            new InsightsQuery(corpus.Snapshot?.Documents ?? [], live.Passages, live.CorpusVersion, days, top),
            cancellationToken);
        var wantsHtml = request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        return wantsHtml ? TypedResults.Content(InsightsHtml.Render(report), "text/html; charset=utf-8") : TypedResults.Ok(report);
    }
}
