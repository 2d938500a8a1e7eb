using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

/// <summary>How many streams a conversation may hold, and where its streamUrl points whatever Host the client sent.</summary>
public sealed class DirectLineStreamsTests : IAsyncLifetime
{
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _host = BotTestHost.Start(new Dictionary<string, string?> { ["DirectLine:MaxStreamsPerConversation"] = "3" });
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task OpenStream_FourthOnOneConversation_429WithRetryAfterUntilOneCloses()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var open = new List<ClientWebSocket>();
        for (var i = 0; i < 3; i++)
        {
            open.Add(await client.OpenStreamAsync());
        }

        using var fourth = new ClientWebSocket();
        fourth.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => fourth.ConnectAsync(new Uri(client.StreamUrl), CancellationToken.None));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.HttpStatusCode);
        Assert.True(fourth.HttpResponseHeaders!.ContainsKey("Retry-After"));

        await open[0].CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        open[0].Dispose();
        using var replacement = await Eventually.ValueAsync(async () =>
        {
            var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(new Uri(client.StreamUrl), CancellationToken.None);
                return socket;
            }
            catch (WebSocketException)
            {
                socket.Dispose();
                return null;
            }
        });
        Assert.Equal(WebSocketState.Open, replacement.State);

        foreach (var socket in open.Skip(1))
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task StartConversation_ForgedHostHeader_StreamUrlPointsAtTheBot()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        request.Headers.Host = "evil.example";
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var streamUrl = new Uri((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!);
        Assert.Equal(_host.BaseAddress.Authority, streamUrl.Authority);
    }

    [Fact]
    public async Task StartConversation_PublicUrlConfigured_StreamUrlUsesIt()
    {
        await using var host = BotTestHost.Start(new Dictionary<string, string?> { ["DirectLine:PublicUrl"] = "https://chat.clinic.example/bot/" });
        using var http = host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        request.Headers.Host = "evil.example";
        using var response = await http.SendAsync(request);

        var streamUrl = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        Assert.StartsWith("wss://chat.clinic.example/bot/v3/directline/conversations/", streamUrl, StringComparison.Ordinal);
    }
}
