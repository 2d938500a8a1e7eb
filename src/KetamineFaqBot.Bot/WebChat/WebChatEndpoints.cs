using KetamineFaqBot.Bot.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.WebChat;

/// <summary>GET / (the Web Chat page, official bundle served locally), GET /webchat/settings.json and the page's icon.</summary>
public static class WebChatEndpoints
{
    public static WebApplication MapWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The build copies webchat.js into the output's wwwroot/lib; the page itself may come from the project's wwwroot.
        var providers = new List<IFileProvider> { app.Environment.WebRootFileProvider };
        var outputWebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(outputWebRoot))
        {
            providers.Add(new PhysicalFileProvider(outputWebRoot));
        }

        var files = new CompositeFileProvider(providers);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapGet("/webchat/settings.json", Settings);

        // Browsers that ask for the classic icon get the page's own.
        app.MapGet("/favicon.ico", () => TypedResults.Redirect("/favicon.svg", permanent: true));

        // A placeholder clinic name is easy to ship; an empty one is shown as nothing, and said once at start.
        if (!app.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.ClinicName))
        {
            Logging.WebChatLog.ClinicNameMissing(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatEndpoints)));
        }

        return app;
    }

    /// <summary>Prints where the page is once Kestrel listens, so a person starting the bot knows where to go.</summary>
    public static WebApplication AnnounceWebChatUrl(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"KetamineFaqBot web chat: {address.TrimEnd('/')}/");
            }
        });
        return app;
    }

    private static Ok<WebChatSettings> Settings(IOptions<WebChatOptions> options)
    {
        var o = options.Value;
        return TypedResults.Ok(new WebChatSettings(o.Title, o.ClinicName, o.Notice, o.AccentColor, o.BackgroundColor, o.Locale));
    }
}
