using System.Net;
using KetamineFaqBot.Bot.Tests.Admin;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Tests.SecurityHeaders;

/// <summary>The exact security headers on each family of responses: the Web Chat page, what it loads, the content owners'
/// pages and API; WebChat:FrameAncestors in the page's policy, and a bad entry refused at start.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private const string Key = "content-owners-key-0123456789abcdef";

    private const string AdminPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _host = BotTestHost.StartWithRealAnswers(new Dictionary<string, string?> { ["Admin:ApiKey"] = Key });
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("index.html")]
    public async Task WebChatPage_PagePolicy(string path)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        AssertPageHeaders(response);
    }

    [Theory]
    [InlineData("app.js")]
    [InlineData("app.css")]
    [InlineData("lib/webchat.js")]
    [InlineData("webchat/settings.json")]
    public async Task WhatThePageLoads_PagePolicy(string path)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPageHeaders(response);
    }

    [Theory]
    [InlineData("healthz", HttpStatusCode.OK)]
    [InlineData("no-such-file.js", HttpStatusCode.NotFound)]
    public async Task OtherResponses_PagePolicy(string path, HttpStatusCode status)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertPageHeaders(response);
    }

    [Fact]
    public async Task DirectLine_PagePolicy()
    {
        using var open = await _http.PostAsync("v3/directline/conversations", content: null);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "v3/directline/conversations/nobody/activities");
        forged.Headers.Authorization = new("Bearer", "forged");
        using var refused = await _http.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        AssertPageHeaders(open);
        AssertPageHeaders(refused);
    }

    [Fact]
    public async Task UnhandledError_ProblemResponseStillCarriesTheHeaders()
    {
        // The exception handler clears the response's headers before it writes the problem details.
        await using var host = BotTestHost.Start(configureServices: services => services.AddTransient<IStartupFilter, ThrowingPath>());
        using var http = host.CreateHttpClient();

        using var response = await http.GetAsync(ThrowingPath.Path.TrimStart('/'));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(PagePolicy("'none'"), Header(response, "Content-Security-Policy"));
        AssertCommonHeaders(response);
    }

    [Theory]
    [InlineData("insights", "text/html")]
    [InlineData("insights/insights.js", "text/javascript")]
    [InlineData("insights/insights.css", "text/css")]
    public async Task InsightsPage_AdminPolicy_NoStore(string path, string mediaType)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        AssertAdminHeaders(response);
    }

    [Theory]
    [InlineData("admin/index", Key, null, HttpStatusCode.OK)]
    [InlineData("admin/insights", Key, "text/html", HttpStatusCode.OK)]
    [InlineData("admin/insights", Key, "application/json", HttpStatusCode.OK)]
    [InlineData("admin/index", null, null, HttpStatusCode.Unauthorized)]
    [InlineData("admin/no-such-path", Key, null, HttpStatusCode.NotFound)]
    public async Task AdminApi_AdminPolicy_NoStore(string path, string? key, string? accept, HttpStatusCode status)
    {
        using var request = AdminEndpointsTests.Request("GET", path, key);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await _http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        AssertAdminHeaders(response);
    }

    [Fact]
    public async Task AdminOff_NotFoundPaths_StillAdminPolicyAndNoStore()
    {
        await using var host = BotTestHost.StartWithRealAnswers();
        using var http = host.CreateHttpClient();

        using var insights = await http.GetAsync("insights");
        using var admin = await http.GetAsync("admin/index");

        Assert.Equal(HttpStatusCode.NotFound, insights.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        AssertAdminHeaders(insights);
        AssertAdminHeaders(admin);
    }

    [Fact]
    public async Task FrameAncestorsConfigured_PagePolicyListsThem_AdminPagesStillNone()
    {
        await using var host = BotTestHost.StartWithRealAnswers(new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = Key,
            ["WebChat:FrameAncestors:0"] = "https://clinic.example",
            ["WebChat:FrameAncestors:1"] = "https://Portal.Clinic.example:8443/",
            ["WebChat:FrameAncestors:2"] = "http://localhost:3000",
        });
        using var http = host.CreateHttpClient();

        using var page = await http.GetAsync(string.Empty);
        using var script = await http.GetAsync("app.js");
        using var insights = await http.GetAsync("insights");

        const string ancestors = "https://clinic.example https://portal.clinic.example:8443 http://localhost:3000";
        Assert.Equal(PagePolicy(ancestors), Header(page, "Content-Security-Policy"));
        Assert.Equal(PagePolicy(ancestors), Header(script, "Content-Security-Policy"));
        AssertAdminHeaders(insights);
    }

    [Fact]
    public async Task InvalidFrameAncestor_StartUpRefusedNamingTheEntry()
    {
        var exit = await BotProcess.RunUntilExitAsync(new Dictionary<string, string?>
        {
            ["Semantics:Enabled"] = "false",
            ["WebChat:FrameAncestors:0"] = "https://clinic.example",
            ["WebChat:FrameAncestors:1"] = "https://clinic.example/embed",
        });

        Assert.True(exit.Failed, exit.Output);
        Assert.Contains("WebChat:FrameAncestors:1 'https://clinic.example/embed' is not an origin", exit.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("WebChat:FrameAncestors:0", exit.Output, StringComparison.Ordinal);
    }

    private static string PagePolicy(string frameAncestors) =>
        "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; "
        + "img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors " + frameAncestors;

    /// <summary>The page's policy, and cacheable: only the content owners' responses are no-store.</summary>
    private static void AssertPageHeaders(HttpResponseMessage response)
    {
        Assert.Equal(PagePolicy("'none'"), Header(response, "Content-Security-Policy"));
        AssertCommonHeaders(response);
        Assert.Null(response.Headers.CacheControl);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    private static void AssertAdminHeaders(HttpResponseMessage response)
    {
        Assert.Equal(AdminPolicy, Header(response, "Content-Security-Policy"));
        AssertCommonHeaders(response);
        Assert.Equal("no-store", Header(response, "Cache-Control"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name} header");

    /// <summary>A path past every endpoint of the bot that throws, as a bug in a handler would.</summary>
    private sealed class ThrowingPath : IStartupFilter
    {
        public const string Path = "/test-only/throws";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, branch => branch.Run(_ => throw new InvalidOperationException("a bug")));
        };
    }
}
