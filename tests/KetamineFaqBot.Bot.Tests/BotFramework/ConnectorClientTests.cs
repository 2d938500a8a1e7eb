using System.Net;
using KetamineFaqBot.Bot.BotFramework;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;

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

    [Fact]
    public async Task SendAsync_DisallowedServiceUrl_ThrowsBeforeTokenOrRequest()
    {
        var handler = new RecordingHandler();
        var tokens = new CountingTokenSource();
        var client = new ConnectorClient(new SingleClientFactory(handler), new LoopbackServiceUrlPolicy(), tokens, Microsoft.Extensions.Options.Options.Create(new BotOptions()));

        await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendAsync(new Uri("http://10.1.2.3/"), "c", new Activity { Type = "message" }));

        Assert.Equal(0, handler.Requests);
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task SendAsync_WithToken_SendsBearerAndReturnsResourceId()
    {
        var handler = new RecordingHandler();
        var client = new ConnectorClient(
            new SingleClientFactory(handler), new LoopbackServiceUrlPolicy(), new CountingTokenSource { Token = "tok" },
            Microsoft.Extensions.Options.Options.Create(new BotOptions()));

        var id = await client.SendAsync(new Uri("http://127.0.0.1:9/"), "c", new Activity { Type = "message", Id = "x", ReplyToId = "r" });

        Assert.Equal("resource-1", id);
        Assert.Equal("Bearer tok", handler.Authorization);
        Assert.DoesNotContain("\"id\"", handler.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978/", true, true)]
    [InlineData("http://localhost:3978/", true, true)]
    [InlineData("http://[::1]:3978/", true, true)]
    [InlineData("http://169.254.169.254/", true, false)]
    [InlineData("https://smba.trafficmanager.net/amer/", true, false)]
    [InlineData("https://smba.trafficmanager.net/amer/", false, true)]
    [InlineData("https://evil.trafficmanager.net/", false, false)]
    [InlineData("http://smba.trafficmanager.net/", false, false)]
    public void LoopbackServiceUrlPolicy_IsAllowed(string url, bool anonymous, bool expected) =>
        Assert.Equal(expected, new LoopbackServiceUrlPolicy().IsAllowed(new Uri(url), anonymous));

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
