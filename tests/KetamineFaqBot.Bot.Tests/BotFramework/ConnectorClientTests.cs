using System.Net;
using KetamineFaqBot.Bot.BotFramework;
using KetamineFaqBot.Bot.BotFramework.Authentication;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

public sealed class ConnectorClientTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations/a%3Ab%40c/activities/1%3A2")]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations/a%3Ab%40c/activities/1%3A2")]
    [InlineData("http://127.0.0.1:9/", "http://127.0.0.1:9/v3/conversations/a%3Ab%40c/activities/1%3A2")]
    public void BuildUri_KeepsServiceUrlPathAndEscapesIds(string serviceUrl, string expected) =>
        Assert.Equal(expected, ConnectorClient.BuildUri(new Uri(serviceUrl), "a:b@c", "1:2").AbsoluteUri);

    [Fact]
    public void BuildUri_NoReplyToId_PostsToConversation() =>
        Assert.Equal("http://127.0.0.1:9/v3/conversations/c/activities", ConnectorClient.BuildUri(new Uri("http://127.0.0.1:9"), "c", null).AbsoluteUri);

    [Theory]
    [InlineData("http://10.1.2.3/")]
    [InlineData("http://127.0.0.1:6379/")]
    [InlineData("http://user@127.0.0.1:9/")]
    public async Task SendAsync_DisallowedServiceUrl_ThrowsBeforeTokenOrRequest(string serviceUrl)
    {
        var handler = new RecordingHandler();
        var tokens = new CountingTokenSource();
        var client = new ConnectorClient(new SingleClientFactory(handler), Policy(), tokens, Microsoft.Extensions.Options.Options.Create(new BotOptions()));

        await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendAsync(new Uri(serviceUrl), "c", new Activity { Type = "message" }));

        Assert.Equal(0, handler.Requests);
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task SendAsync_WithToken_SendsBearerAndReturnsResourceId()
    {
        var handler = new RecordingHandler();
        var client = new ConnectorClient(
            new SingleClientFactory(handler), Policy(), new CountingTokenSource { Token = "tok" },
            Microsoft.Extensions.Options.Options.Create(new BotOptions()));

        var id = await client.SendAsync(new Uri("http://127.0.0.1:9/"), "c", new Activity { Type = "message", Id = "x", ReplyToId = "r" });

        Assert.Equal("resource-1", id);
        Assert.Equal("Bearer tok", handler.Authorization);
        Assert.DoesNotContain("\"id\"", handler.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/", true, true)]
    [InlineData("http://localhost:9/", true, true)]
    [InlineData("http://[::1]:9/", true, true)]
    [InlineData("http://127.0.0.1:3978/", true, false)]
    [InlineData("http://127.0.0.1:9/", false, false)]
    [InlineData("http://169.254.169.254/", true, false)]
    [InlineData("https://smba.trafficmanager.net/amer/", false, true)]
    [InlineData("https://evil.trafficmanager.net/", false, false)]
    [InlineData("http://smba.trafficmanager.net/", false, false)]
    public void AllowlistServiceUrlPolicy_IsAllowed(string url, bool anonymous, bool expected) =>
        Assert.Equal(expected, Policy().IsAllowed(new Uri(url), anonymous));

    /// <summary>The registered policy, with port 9 (where these tests send) as the only loopback reply port.</summary>
    private static AllowlistServiceUrlPolicy Policy()
    {
        var options = new BotAuthenticationOptions();
        options.AllowedLoopbackReplyPorts.Add("9");
        return new AllowlistServiceUrlPolicy(new ServiceUrlAllowlist(Microsoft.Extensions.Options.Options.Create(options), NullLogger<ServiceUrlAllowlist>.Instance));
    }

    private sealed class CountingTokenSource : IOutboundTokenSource
    {
        public string? Token { get; init; }

        public int Calls { get; private set; }

        public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(Token);
        }
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        public string? Authorization { get; private set; }

        public string Body { get; private set; } = string.Empty;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            Authorization = request.Headers.Authorization?.ToString();
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"resource-1\"}", System.Text.Encoding.UTF8, "application/json") };
        }
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
