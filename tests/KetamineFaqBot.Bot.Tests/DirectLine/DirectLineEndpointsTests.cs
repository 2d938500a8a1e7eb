using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

public sealed class DirectLineEndpointsTests : IAsyncLifetime
{
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _host = BotTestHost.Start(new Dictionary<string, string?> { ["DirectLine:PageSize"] = "3" });
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task StartConversation_NoCredentials_Returns201WithTokenAndStreamUrl()
    {
        using var response = await _http.PostAsync("v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(string.IsNullOrEmpty((string?)body["conversationId"]));
        Assert.Equal(3, ((string)body["token"]!).Split('.').Length);
        Assert.True((int)body["expires_in"]! >= 1800);
        Assert.StartsWith("ws://127.0.0.1:", (string)body["streamUrl"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartConversation_WithTokenOfExistingConversation_Returns200SameConversation()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(client.ConversationId, (string?)body["conversationId"]);
        Assert.False(string.IsNullOrEmpty((string?)body["token"]));
        var id = await client.SendTextAsync("after reconnect", "r1");
        using var socket = await client.OpenStreamAsync();
        var seen = await DirectLineTestClient.ReadUntilAsync(socket, s => s.Any(a => (string?)a["replyToId"] == id && (string?)a["type"] == "message"));
        Assert.Single(seen, a => (string?)a["text"] == "[welcome]");
    }

    [Fact]
    public async Task GetConversation_UnknownWithOwnToken_Returns404()
    {
        var token = Sign("gone", DateTime.UtcNow.AddMinutes(30), BotTestHost.SigningKey);
        var client = new DirectLineTestClient(_http, "gone", token, "");

        using var response = await client.GetAsync("v3/directline/conversations/gone");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GenerateToken_ThenStartWithIt_Returns201ForThatConversationAndWelcomes()
    {
        using var generated = await _http.PostAsJsonAsync("v3/directline/tokens/generate", new { user = new { id = "dl_visitor" } });
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var token = (await generated.Content.ReadFromJsonAsync<JsonObject>())!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)token["token"]!);

        using var started = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((string?)token["conversationId"], (string?)body["conversationId"]);
        var client = new DirectLineTestClient(_http, (string)body["conversationId"]!, (string)body["token"]!, (string)body["streamUrl"]!);
        using var socket = await client.OpenStreamAsync();
        var seen = await DirectLineTestClient.ReadUntilAsync(socket, s => s.Count > 0);
        Assert.Equal("[welcome]", (string?)seen[0]["text"]);
        Assert.Equal("dl_visitor", (string?)seen[0]["recipient"]!["id"]);
        Assert.Null(seen[0]["replyToId"]);
    }

    [Fact]
    public async Task RefreshToken_ValidToken_ReturnsNewTokenForSameConversation()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(client.ConversationId, (string?)body["conversationId"]);
        var refreshed = new DirectLineTestClient(_http, client.ConversationId, (string)body["token"]!, client.StreamUrl);
        var (activities, _) = await refreshed.GetActivitiesAsync();
        Assert.NotNull(activities);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("garbage")]
    public async Task RefreshToken_BadToken_Returns403(string kind)
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BadToken(kind, client.ConversationId));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetConversation_ValidToken_ReturnsFreshStreamUrl()
    {
        var client = await DirectLineTestClient.StartAsync(_http);

        using var response = await client.GetAsync($"v3/directline/conversations/{client.ConversationId}?watermark=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(client.ConversationId, (string?)body["conversationId"]);
        Assert.Contains("/stream?t=", (string)body["streamUrl"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetActivities_NewConversation_AlwaysReturnsArrayAndStringWatermark()
    {
        var client = await DirectLineTestClient.StartAsync(_http);

        using var response = await client.GetAsync($"v3/directline/conversations/{client.ConversationId}/activities?watermark=");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.IsType<JsonArray>(body["activities"]);
        Assert.Equal(System.Text.Json.JsonValueKind.String, body["watermark"]!.GetValueKind());
    }

    [Fact]
    public async Task PostActivity_Message_EchoesWithServerIdAndClientActivityIdThenReplies()
    {
        var client = await DirectLineTestClient.StartAsync(_http);

        var id = await client.SendTextAsync("what is it?", "client-42");

        Assert.Matches($"^{client.ConversationId}\\|\\d{{7}}$", id);
        using var socket = await client.OpenStreamAsync();
        var seen = await DirectLineTestClient.ReadUntilAsync(socket, s => s.Any(a => (string?)a["replyToId"] == id));
        var echo = seen.Single(a => (string?)a["id"] == id);
        Assert.Equal("client-42", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.NotEqual("someone-else", (string?)echo["from"]!["id"]);
        Assert.EndsWith("Z", (string)echo["timestamp"]!, StringComparison.Ordinal);
        var reply = seen.Single(a => (string?)a["replyToId"] == id && (string?)a["type"] == "message");
        Assert.Equal("bot", (string?)reply["from"]!["role"]);
        Assert.Equal("markdown", (string?)reply["textFormat"]);
        Assert.Contains("[1]: cite:1 \"Scripted document A — Section A\"", (string)reply["text"]!, StringComparison.Ordinal);
        Assert.Equal(3, reply["suggestedActions"]!["actions"]!.AsArray().Count);
        var user = (string)echo["from"]!["id"]!;
        Assert.Contains(_host.Answers.Turns, t => t.Text == "what is it?" && t.UserId == user && t.Channel == "directline");
    }

    [Fact]
    public async Task CrossConversation_TokenForA_CannotReadOrPostToB()
    {
        var a = await DirectLineTestClient.StartAsync(_http);
        var b = await DirectLineTestClient.StartAsync(_http);

        using var read = await a.GetAsync($"v3/directline/conversations/{b.ConversationId}/activities?watermark=");
        using var post = await a.PostAsync(DirectLineTestClient.Message("hi", "x"), conversationId: b.ConversationId);
        using var get = await a.GetAsync($"v3/directline/conversations/{b.ConversationId}");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
    }

    [Fact]
    public async Task UnknownConversation_WithItsOwnValidToken_Returns404()
    {
        var client = new DirectLineTestClient(_http, "never-started", Sign("never-started", DateTime.UtcNow.AddMinutes(30), BotTestHost.SigningKey), "");

        using var read = await client.GetAsync("v3/directline/conversations/never-started/activities?watermark=");
        using var post = await client.PostAsync(DirectLineTestClient.Message("hi", "x"));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("garbage")]
    [InlineData("none")]
    public async Task Activities_BadToken_Returns403(string kind)
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var token = BadToken(kind, client.ConversationId);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{client.ConversationId}/activities");
        if (kind != "none")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var read = await _http.SendAsync(request);
        using var post = await client.PostAsync(DirectLineTestClient.Message("hi", "x"), token: token);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task GetActivities_WatermarkPaging_ReturnsEachActivityOnceInOrder()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await client.SendTextAsync($"question {i}", $"c{i}"));
        }

        using (var socket = await client.OpenStreamAsync())
        {
            await DirectLineTestClient.ReadUntilAsync(socket, s => s.Count(a => (string?)a["type"] == "message" && (string?)a["from"]!["role"] == "bot") >= 5);
        }

        var all = new List<JsonObject>();
        var watermark = "";
        var pages = 0;
        while (true)
        {
            var (activities, next) = await client.GetActivitiesAsync(watermark);
            Assert.True(activities.Count <= 3);
            if (activities.Count == 0)
            {
                break;
            }

            all.AddRange(activities.Select(a => a!.AsObject()));
            watermark = next;
            pages++;
        }

        Assert.True(pages >= 3);
        var messages = all.Where(a => (string?)a["type"] == "message").ToList();
        Assert.Equal(9, messages.Count);
        Assert.Equal(all.Count, all.Select(a => (string?)a["id"]).Distinct().Count());
        Assert.Equal(ids, messages.Where(a => (string?)a["from"]!["role"] == "user").Select(a => (string)a["id"]!));
    }

    [Fact]
    public async Task PostActivity_200SequentialQuestions_NoneLostAndAllAnsweredInOrder()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add(await client.SendTextAsync($"q{i}", $"c{i}"));
        }

        using var socket = await client.OpenStreamAsync();
        var seen = await DirectLineTestClient.ReadUntilAsync(socket, s => s.Count(a => a["replyToId"] is not null && (string?)a["type"] == "message") >= 200);

        var replies = seen.Where(a => a["replyToId"] is not null && (string?)a["type"] == "message").Select(a => (string)a["replyToId"]!).ToList();
        Assert.Equal(ids, replies);
        Assert.Equal(ids, seen.Where(a => (string?)a["from"]!["role"] == "user").Select(a => (string)a["id"]!));
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"no type\"}", HttpStatusCode.BadRequest)]
    public async Task PostActivity_BadBody_Returns400ProblemDetails(string body, HttpStatusCode expected)
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{client.ConversationId}/activities")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);

        using var response = await _http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostActivity_Oversized_Returns413()
    {
        var client = await DirectLineTestClient.StartAsync(_http);

        using var response = await client.PostAsync(DirectLineTestClient.Message(new string('a', 300 * 1024), "big"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Stream_ReceivesReplyPushedAfterConnect()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        using var socket = await client.OpenStreamAsync();
        await DirectLineTestClient.ReadUntilAsync(socket, s => s.Any(a => (string?)a["text"] == "[welcome]"));

        var id = await client.SendTextAsync("live?", "live-1");
        var seen = await DirectLineTestClient.ReadUntilAsync(socket, s => s.Any(a => (string?)a["replyToId"] == id && (string?)a["type"] == "message"));

        Assert.Contains(seen, a => (string?)a["id"] == id);
    }

    [Fact]
    public async Task PostActivity_AnswerInProgress_PushesTypingBeforeTheReply()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        using var socket = await client.OpenStreamAsync();
        await DirectLineTestClient.ReadUntilAsync(socket, s => s.Any(a => (string?)a["text"] == "[welcome]"));
        _host.Answers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var id = await client.SendTextAsync("slow", "slow-1");
        var beforeAnswer = await DirectLineTestClient.ReadUntilAsync(socket, s => s.Any(a => (string?)a["type"] == "typing"));
        _host.Answers.Gate.SetResult();
        var afterAnswer = await DirectLineTestClient.ReadUntilAsync(socket, s => s.Any(a => (string?)a["replyToId"] == id && (string?)a["type"] == "message"));

        var typing = beforeAnswer.Single(a => (string?)a["type"] == "typing");
        Assert.Equal("bot", (string?)typing["from"]!["role"]);
        Assert.Null(typing["text"]);
        Assert.DoesNotContain(beforeAnswer, a => (string?)a["replyToId"] == id && (string?)a["type"] == "message");
        Assert.Contains(afterAnswer, a => (string?)a["replyToId"] == id && (string?)a["type"] == "message");
    }

    private static string BadToken(string kind, string conversationId) => kind switch
    {
        "expired" => Sign(conversationId, DateTime.UtcNow.AddMinutes(-5), BotTestHost.SigningKey),
        "forged" => Sign(conversationId, DateTime.UtcNow.AddMinutes(30), "another-key-that-is-long-enough-0123456789"),
        "none" => "",
        _ => "not-a-token",
    };

    private static string Sign(string conversationId, DateTime expires, string key) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = DirectLineTokenService.Issuer,
        Audience = DirectLineTokenService.Issuer,
        IssuedAt = expires.AddHours(-1),
        NotBefore = expires.AddHours(-1),
        Expires = expires,
        Claims = new Dictionary<string, object> { ["conv"] = conversationId, ["user"] = "dl_attacker" },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}
