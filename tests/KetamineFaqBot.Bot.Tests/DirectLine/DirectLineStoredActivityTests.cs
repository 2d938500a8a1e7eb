using System.Net;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

/// <summary>What a Web Chat client's activities leave in the real SQLite activity log, and what they must not.</summary>
public sealed class DirectLineStoredActivityTests : IAsyncLifetime
{
    private const string Personal =
        "my name is jane doe, I live at 12 Oak Street, write to jane dot doe at example dot com or jane@example.com or call 555-123-4567";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kfaq-dl-stored-" + Guid.NewGuid().ToString("N"));
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    private string DatabasePath => Path.Combine(_folder, "state.db");

    public Task InitializeAsync()
    {
        _host = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = DatabasePath,
            ["DirectLine:ActivitiesPerMinutePerConversation"] = "20",
        });
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task PostMessage_PersonalDetails_StoredAndEchoedRedacted()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        using var socket = await client.OpenStreamAsync();
        // The welcome on the stream means its backlog (read from the store) is behind it: what follows is live.
        await DirectLineTestClient.ReadUntilAsync(socket, seen => seen.Count > 0);

        await client.SendTextAsync(Personal, "c-personal");

        var echoed = (await DirectLineTestClient.ReadUntilAsync(socket, seen => seen.Any(IsEcho))).Single(IsEcho);
        Assert.Equal(
            "my name is [name], I live at [address], write to [email] or [email] or call [phone]",
            (string?)echoed["text"]);
        Assert.Equal("c-personal", (string?)echoed["channelData"]!["clientActivityID"]);

        var stored = string.Join('\n', await StoredJsonAsync(client.ConversationId));
        foreach (var secret in new[] { "jane", "Oak Street", "example", "555-123-4567" })
        {
            Assert.DoesNotContain(secret, stored, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("my name is [name]", stored, StringComparison.Ordinal);
        var polled = (await client.GetActivitiesAsync()).Activities.Select(a => a!.AsObject()).Single(IsEcho);
        Assert.Contains("[email]", (string?)polled["text"], StringComparison.Ordinal);
        Assert.Equal("c-personal", (string?)polled["channelData"]!["clientActivityID"]);
    }

    [Fact]
    public async Task PostMessage_ClientAttachmentsActionsAndBotName_NoneStoredAndTextCapped()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var activity = DirectLineTestClient.Message("is ketamine safe " + new string('x', 100_000), "c-big");
        activity["from"] = new JsonObject { ["id"] = "someone", ["name"] = "Ketamine FAQ", ["role"] = "bot" };
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = "<b>fake answer</b>" });
        activity["suggestedActions"] = new JsonObject { ["actions"] = new JsonArray(new JsonObject { ["type"] = "openUrl", ["value"] = "https://evil.example" }) };
        activity["speak"] = "spoken";
        activity["custom"] = new string('y', 50_000);
        activity["channelData"]!["extra"] = new string('z', 50_000);

        using var response = await client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await StoredJsonAsync(client.ConversationId), json => json.Contains("is ketamine safe", StringComparison.Ordinal));
        Assert.True(stored.Length < 3_000, $"stored {stored.Length} characters");
        var node = JsonNode.Parse(stored)!.AsObject();
        Assert.Null(node["attachments"]);
        Assert.Null(node["suggestedActions"]);
        Assert.Null(node["speak"]);
        Assert.Null(node["custom"]);
        Assert.Null(node["from"]!["name"]);
        Assert.Equal("user", (string?)node["from"]!["role"]);
        Assert.Equal("c-big", (string?)node["channelData"]!["clientActivityID"]);
        Assert.Null(node["channelData"]!["extra"]);
    }

    [Fact]
    public async Task PostTyping_ManyLargeOnes_NothingStoredAndRateLimitedWithRetryAfter()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var before = (await StoredJsonAsync(client.ConversationId)).Count;
        var typing = new JsonObject
        {
            ["type"] = "typing",
            ["from"] = new JsonObject { ["id"] = "someone", ["role"] = "user" },
            ["text"] = new string('t', 200_000),
        };

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 21; i++)
        {
            var response = await client.PostAsync(typing);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
                break;
            }

            response.Dispose();
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        refused.Dispose();
        Assert.Equal(before, (await StoredJsonAsync(client.ConversationId)).Count);
        Assert.True(new FileInfo(DatabasePath).Length < 2_000_000, $"database is {new FileInfo(DatabasePath).Length} bytes");

        // Typing has a budget of its own: the user's question still goes through.
        using var question = await client.PostAsync(DirectLineTestClient.Message("is it covered by insurance", "c-after"));
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
    }

    [Fact]
    public async Task PostEvent_OverTheConversationLimit_429WithRetryAfter()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var feedback = new JsonObject { ["type"] = "event", ["name"] = "feedback", ["value"] = new JsonObject { ["reaction"] = "like" } };
        HttpStatusCode last = HttpStatusCode.OK;
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 21 && last == HttpStatusCode.OK; i++)
        {
            using var response = await client.PostAsync(feedback);
            last = response.StatusCode;
            retryAfter = response.Headers.RetryAfter?.Delta;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.True(retryAfter > TimeSpan.Zero);
    }

    private static bool IsEcho(JsonObject activity) =>
        (string?)activity["from"]?["role"] == "user" && (string?)activity["type"] == "message";

    /// <summary>The stored JSON of the user's activities in the conversation, oldest first.</summary>
    private async Task<List<string>> StoredJsonAsync(string conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The scripted answers quote the question; what the user posted is what is checked here.
        command.CommandText = "SELECT json FROM dl_activities WHERE conversation_id = $id AND json_extract(json, '$.from.role') = 'user' ORDER BY seq;";
        command.Parameters.AddWithValue("$id", conversationId);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
