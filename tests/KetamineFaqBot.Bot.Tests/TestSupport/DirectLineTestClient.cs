using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>Speaks Direct Line 3.0 to the test host the way Direct Line JS does, and waits for activities on the stream.</summary>
public sealed class DirectLineTestClient(HttpClient http, string conversationId, string token, string streamUrl)
{
    public string ConversationId { get; } = conversationId;

    public string Token { get; } = token;

    public string StreamUrl { get; } = streamUrl;

    public HttpClient Http { get; } = http;

    public static async Task<DirectLineTestClient> StartAsync(HttpClient http)
    {
        using var response = await http.PostAsync("v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new DirectLineTestClient(http, (string)body["conversationId"]!, (string)body["token"]!, (string)body["streamUrl"]!);
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? conversationId = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{conversationId ?? ConversationId}/activities")
        {
            Content = JsonContent.Create(activity),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return Http.SendAsync(request);
    }

    public async Task<string> SendTextAsync(string text, string clientActivityId)
    {
        using var response = await PostAsync(Message(text, clientActivityId));
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return Http.SendAsync(request);
    }

    /// <summary>POST tokens/refresh with this client's token, as Direct Line JS does every 15 minutes.</summary>
    public Task<HttpResponseMessage> RefreshTokenAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return Http.SendAsync(request);
    }

    /// <summary>GET conversations/{id}: what Direct Line JS calls to reconnect, for a fresh stream URL.</summary>
    public Task<HttpResponseMessage> ReconnectAsync() => GetAsync($"v3/directline/conversations/{ConversationId}?watermark=");

    public async Task<(JsonArray Activities, string Watermark)> GetActivitiesAsync(string? watermark = "")
    {
        using var response = await GetAsync($"v3/directline/conversations/{ConversationId}/activities?watermark={watermark}");
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((JsonArray)body["activities"]!, (string)body["watermark"]!);
    }

    /// <summary>The bot's replies to questions in the log (the welcome and typing left out), oldest first.</summary>
    public async Task<List<JsonObject>> AnswersAsync()
    {
        var (activities, _) = await GetActivitiesAsync();
        return [.. activities.Select(a => a!.AsObject()).Where(IsAnswer)];
    }

    /// <summary>Waits until the log holds at least <paramref name="count"/> replies to questions.</summary>
    public Task<List<JsonObject>> WaitForAnswersAsync(int count) =>
        Eventually.ValueAsync(async () => await AnswersAsync() is { } answers && answers.Count >= count ? answers : null);

    public static bool IsAnswer(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return (string?)activity["type"] == "message" && (string?)activity["from"]?["role"] == "bot" && activity["replyToId"] is not null;
    }

    public async Task<ClientWebSocket> OpenStreamAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(StreamUrl), CancellationToken.None);
        return socket;
    }

    /// <summary>Reads ActivitySet frames until <paramref name="done"/> holds for the activities seen so far.</summary>
    public static async Task<List<JsonObject>> ReadUntilAsync(WebSocket socket, Func<List<JsonObject>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<JsonObject>();
        var buffer = new byte[64 * 1024];
        while (!done(seen))
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (frame.Length == 0)
            {
                continue;
            }

            var set = JsonNode.Parse(Encoding.UTF8.GetString(frame.ToArray()))!.AsObject();
            seen.AddRange(set["activities"]!.AsArray().Select(a => a!.AsObject()));
        }

        return seen;
    }

    public static JsonObject Message(string text, string clientActivityId) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["locale"] = "en-US",
        ["from"] = new JsonObject { ["id"] = "someone-else", ["role"] = "user" },
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
    };
}
