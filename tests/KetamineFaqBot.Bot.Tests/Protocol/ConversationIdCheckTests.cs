using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.Protocol;

/// <summary>Conversation ids with control characters get a clear 400 on every way in, before anything is done.</summary>
public sealed class ConversationIdCheckTests : IAsyncLifetime
{
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _host = BotTestHost.Start();
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("a:1\r\nforged")]
    [InlineData("a:1\0")]
    [InlineData("a:1\u001b[31m")]
    [InlineData("a:1\u2028")]
    public async Task Messages_ConversationIdWithControlCharacters_400NamingTheProblem(string conversationId)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "in-1",
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:1/",
            ["from"] = new JsonObject { ["id"] = "29:user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot-id" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["text"] = "is ketamine addictive?",
        };

        using var response = await _http.PostAsJsonAsync("api/messages", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid conversation id", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        Assert.Empty(_host.Answers.Turns);
    }

    [Theory]
    [InlineData("GET", "activities")]
    [InlineData("POST", "activities")]
    [InlineData("GET", "stream")]
    [InlineData("GET", "")]
    public async Task DirectLine_ConversationIdWithControlCharacters_400NamingTheProblem(string method, string tail)
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var path = $"v3/directline/conversations/{Uri.EscapeDataString(client.ConversationId + "\r\nx")}" + (tail.Length > 0 ? "/" + tail : string.Empty);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", client.Token);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(DirectLineTestClient.Message("hello", "c-1"));
        }

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid conversation id", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
    }

    [Theory]
    [InlineData("a:1@thread.skype;messageid=7", true)]
    [InlineData("4f3c2a", true)]
    [InlineData("a\tb", false)]
    [InlineData("a\u0085b", false)]
    public void IsAcceptable_ControlCharactersOnly_Refused(string conversationId, bool acceptable)
    {
        Assert.Equal(acceptable, ConversationIdCheck.IsAcceptable(conversationId));
    }
}
