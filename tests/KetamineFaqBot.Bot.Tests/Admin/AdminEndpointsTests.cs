using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.Admin;

public sealed class AdminEndpointsTests : IDisposable
{
    private const string Key = "content-owners-key-0123456789abcdef";
    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    [Theory]
    [InlineData("GET", "admin/index")]
    [InlineData("GET", "admin/insights")]
    [InlineData("POST", "admin/reindex")]
    [InlineData("GET", "insights")]
    public async Task NoKeyConfigured_AdminDoesNotExist(string method, string path)
    {
        await using var host = BotTestHost.StartProductionLike(Settings(key: null));
        using var http = host.CreateHttpClient();

        using var response = await http.SendAsync(Request(method, path, Key));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task KeyConfigured_MissingOrWrongKey401_RightKeyEitherHeader200()
    {
        await using var host = BotTestHost.StartProductionLike(Settings(Key));
        using var http = host.CreateHttpClient();

        using var missing = await http.SendAsync(Request("GET", "admin/index", key: null));
        using var wrong = await http.SendAsync(Request("GET", "admin/index", Key + "x"));
        using var prefix = await http.SendAsync(Request("GET", "admin/index", Key[..^1]));
        using var bearer = await http.SendAsync(Request("GET", "admin/index", Key));
        using var apiKey = await http.SendAsync(Request("GET", "admin/index", Key, asApiKeyHeader: true));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, prefix.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apiKey.StatusCode);
        var status = (await bearer.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((string?)status["live"], (string?)status["manifest"]!["version"]);
        Assert.Contains(status["versions"]!.AsArray(), v => (bool)v!["isCurrent"]!);
    }

    [Fact]
    public async Task KeyConfigured_WrongKeysBeyondRateLimit429WithRetryAfter_RightKeyFromTheSameAddressStillServed()
    {
        var settings = Settings(Key);
        settings["Admin:RequestsPerMinute"] = "3";
        await using var host = BotTestHost.StartProductionLike(settings);
        using var http = host.CreateHttpClient();

        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.SendAsync(Request("GET", "admin/index", "guess-" + i));
            statuses.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.Delta;
        }

        using var right = await http.SendAsync(Request("GET", "admin/index", Key));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(retryAfter > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task ShortKey_StartUpRefused()
    {
        var exit = await BotProcess.RunUntilExitAsync(Settings("short"));

        Assert.True(exit.Failed, exit.Output);
        Assert.Contains("Admin:ApiKey must be at least 24 characters", exit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_EditedCorpus_NewVersionServedAtOnce()
    {
        await using var host = BotTestHost.StartProductionLike(Settings(Key));
        using var http = host.CreateHttpClient();
        using var unchanged = await http.SendAsync(Request("POST", "admin/reindex", Key));
        var first = (await unchanged.Content.ReadFromJsonAsync<JsonObject>())!;

        _corpus.Edit("cost.md",
            "answer: Ketamine treatments for depression can be expensive, especially because insurance may not cover them.",
            "answer: Ketamine treatments for depression can be costly, in particular because insurance may not pay for them.");
        using var rebuilt = await http.SendAsync(Request("POST", "admin/reindex", Key));
        var second = (await rebuilt.Content.ReadFromJsonAsync<JsonObject>())!;
        var answer = await host.AskAsync("How much does ketamine treatment cost?");

        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal("no_change", (string?)first["status"]);
        Assert.Equal("built", (string?)second["status"]);
        Assert.Equal((string?)first["version"], (string?)second["previous"]);
        Assert.NotEqual((string?)first["version"], (string?)second["version"]);
        Assert.Contains("costly", answer.Text, StringComparison.Ordinal);
        Assert.Equal((string?)second["version"], answer.Provenance.CorpusVersion);
    }

    [Fact]
    public async Task Reindex_CorpusWithLintErrors_422AndLiveVersionKept()
    {
        await using var host = BotTestHost.StartProductionLike(Settings(Key));
        using var http = host.CreateHttpClient();
        var before = await host.AskAsync("How much does ketamine treatment cost?");
        _corpus.Edit("cost.md", "id: cost", "id: ");

        using var response = await http.SendAsync(Request("POST", "admin/reindex", Key));
        var after = await host.AskAsync("How much does ketamine treatment cost?");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(problem["errors"]!.AsArray(), e => ((string)e!["file"]!).EndsWith("cost.md", StringComparison.Ordinal));
        Assert.Equal(before.Provenance.CorpusVersion, after.Provenance.CorpusVersion);
    }

    private Dictionary<string, string?> Settings(string? key)
    {
        var settings = new Dictionary<string, string?> { ["Knowledge:CorpusFolder"] = _corpus.Folder };
        if (key is not null)
        {
            settings["Admin:ApiKey"] = key;
        }

        return settings;
    }

    internal static HttpRequestMessage Request(string method, string path, string? key, bool asApiKeyHeader = false)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null)
        {
            if (asApiKeyHeader)
            {
                request.Headers.Add("X-Api-Key", key);
            }
            else
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
        }

        return request;
    }
}
