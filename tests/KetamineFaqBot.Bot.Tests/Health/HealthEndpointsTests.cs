using System.Net;
using KetamineFaqBot.Bot.Health;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Tests.Health;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Healthz_And_Readyz_Return200WhenReady()
    {
        await using var host = BotTestHost.Start();
        using var http = host.CreateHttpClient();

        using var live = await http.GetAsync("healthz");
        using var ready = await http.GetAsync("readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Readyz_NamesTheIndexVersionServedAndItsSentenceModel()
    {
        await using var host = BotTestHost.StartWithRealAnswers(new Dictionary<string, string?>
        {
            ["Semantics:Enabled"] = "true",
            ["Semantics:CacheFolder"] = Path.Combine(Path.GetTempPath(), "kfaq-test-embedding-cache"),
        });
        using var http = host.CreateHttpClient();

        var ready = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(new Uri("readyz", UriKind.Relative)))!;

        Assert.Equal("ready", ready["status"]!.GetValue<string>());
        Assert.Equal(host.Services.GetRequiredService<KetamineFaqBot.Retrieval.Search.LiveIndex>().CorpusVersion, ready["indexVersion"]!.GetValue<string>());
        Assert.Equal("all-MiniLM-L6-v2", ready["sentenceModel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Readyz_FailingCheck_Returns503NamingIt()
    {
        await using var host = BotTestHost.Start(configureServices: s => s.AddSingleton<IReadinessCheck, NeverReady>());
        using var http = host.CreateHttpClient();

        using var ready = await http.GetAsync("readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("never", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class NeverReady : IReadinessCheck
    {
        public string Name => "never";

        public Task<bool> IsReadyAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
