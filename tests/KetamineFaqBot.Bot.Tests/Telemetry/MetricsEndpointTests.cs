using System.Net;
using System.Net.Http.Headers;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.Telemetry;

public sealed class MetricsEndpointTests
{
    private const string Key = "content-owners-key-0123456789abcdef";

    [Fact]
    public async Task Default_MetricsIs404()
    {
        await using var host = BotTestHost.Start();
        using var http = host.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PrometheusOnLoopback_ServesTextWithRepliesByRouteAndChannel_WithoutKey()
    {
        await using var host = BotTestHost.Start(new Dictionary<string, string?> { ["Telemetry:Prometheus"] = "true" });
        using var http = host.CreateHttpClient();
        var client = await DirectLineTestClient.StartAsync(http);
        await client.SendTextAsync("what is ketamine treatment", "c1");
        await client.WaitForAnswersAsync(1);

        var text = await Eventually.ValueAsync(async () =>
        {
            using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var body = await response.Content.ReadAsStringAsync();
            return body.Contains("kfaq_replies_total{", StringComparison.Ordinal) ? body : null;
        });

        Assert.Contains("# TYPE kfaq_replies_total counter", text, StringComparison.Ordinal);
        Assert.Matches("kfaq_replies_total\\{[^}]*kfaq_channel=\"directline\"[^}]*kfaq_route=\"answer\"[^}]*\\} [1-9]", text);
        Assert.DoesNotContain(client.ConversationId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("what is ketamine treatment", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrometheusOnNonLoopbackAddress_NeedsTheAdminKey()
    {
        await using var host = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus"] = "true",
            ["Urls"] = "http://0.0.0.0:0",
            ["Admin:ApiKey"] = Key,
        });
        using var http = host.CreateHttpClient();

        using var missing = await http.SendAsync(Scrape(key: null));
        using var wrong = await http.SendAsync(Scrape(Key + "x"));
        using var right = await http.SendAsync(Scrape(Key));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task PrometheusOnNonLoopbackAddress_WithoutAdminKeyConfigured_NothingOpensIt()
    {
        await using var host = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus"] = "true",
            ["Urls"] = "http://0.0.0.0:0",
        });
        using var http = host.CreateHttpClient();

        using var missing = await http.SendAsync(Scrape(key: null));
        using var anyKey = await http.SendAsync(Scrape(Key));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anyKey.StatusCode);
    }

    private static HttpRequestMessage Scrape(string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }
}
