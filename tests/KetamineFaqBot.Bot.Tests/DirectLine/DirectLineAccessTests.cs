using System.Net;
using System.Net.Http.Headers;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

/// <summary>Secret-only mode, per-IP limits on opening conversations, and CORS for configured origins.</summary>
public sealed class DirectLineAccessTests
{
    [Fact]
    public async Task StartConversation_SecretRequired_RefusesAnonymousAcceptsSecret()
    {
        await using var host = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = "the-secret",
            ["DirectLine:AllowAnonymous"] = "false",
        });
        using var http = host.CreateHttpClient();

        using var anonymous = await http.PostAsync("v3/directline/conversations", null);
        using var generateAnonymous = await http.PostAsync("v3/directline/tokens/generate", null);
        using var withSecret = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        withSecret.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "the-secret");
        using var accepted = await http.SendAsync(withSecret);

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, generateAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task StartConversation_OverPerIpLimit_Returns429()
    {
        await using var host = BotTestHost.Start(new Dictionary<string, string?> { ["DirectLine:ConversationsPerMinutePerIp"] = "2" });
        using var http = host.CreateHttpClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsync("v3/directline/conversations", null);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("https://clinic.example", true)]
    [InlineData("https://other.example", false)]
    public async Task Preflight_AllowsOnlyConfiguredOrigins(string origin, bool allowed)
    {
        await using var host = BotTestHost.Start(new Dictionary<string, string?> { ["DirectLine:AllowedOrigins:0"] = "https://clinic.example" });
        using var http = host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "v3/directline/conversations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,x-ms-bot-agent");

        using var response = await http.SendAsync(request);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Contains(origin));
    }

    [Fact]
    public async Task Preflight_NoOriginsConfigured_SendsNoCorsHeaders()
    {
        await using var host = BotTestHost.Start();
        using var http = host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "v3/directline/conversations");
        request.Headers.Add("Origin", "https://clinic.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await http.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
