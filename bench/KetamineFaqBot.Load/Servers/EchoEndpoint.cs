using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Load.Servers;

/// <summary>
/// The baseline: the barest ASP.NET Core JSON endpoint (Kestrel, minimal API, <c>POST /echo</c> returns the JSON body
/// it parsed). It runs in its own process, as the bot does, so both servers get the same kind of runtime and GC.
/// </summary>
internal static class EchoEndpoint
{
    public const string Path = "/echo";

    public static WebApplication Build(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost(Path, (JsonElement body) => TypedResults.Json(body));
        return app;
    }

    public static async Task<int> RunAsync(Uri url, CancellationToken cancellationToken = default)
    {
        await using var app = Build(url);
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
