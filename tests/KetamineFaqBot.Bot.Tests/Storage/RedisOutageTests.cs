using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.Storage;

/// <summary>
/// The real redis-server killed in the middle of a conversation (Teams-style on /api/messages, or web chat on Direct
/// Line), then started again on the same data.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime, IDisposable
{
    private const string Conversation = "a:outage-conversation";
    private const string AdminKey = "content-owners-key-0123456789abcdef";
    private readonly CapturingLoggerProvider _logs = new();
    private RedisServer _redis = null!;
    private FakeConnector _connector = null!;
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _redis = RedisServer.Start();
        _connector = await FakeConnector.StartAsync();
        _host = BotTestHost.StartProductionLike(
            new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Redis",
                ["Storage:ConnectionString"] = _redis.ConnectionString,
                ["Storage:RedisTimeoutMilliseconds"] = "500",
                ["Bot:AllowAnonymous"] = "true",
                [FakeConnector.ReplyPortSetting] = _connector.ReplyPort,
                ["Admin:ApiKey"] = AdminKey,
            },
            services => services.AddSingleton<ILoggerProvider>(_logs));
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        _redis.Dispose();
        _logs.Dispose();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task RedisStopped_AnswersWithoutContextReportsNotReadyAndRecovers()
    {
        // The bot connects to Redis in the background and reports not-ready until it has.
        await _host.WaitUntilReadyAsync();
        await AskAsync("how does ketamine compare to ECT", "in-1");
        Assert.Contains("55.4", await ReplyTextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("readyz")).StatusCode);

        _redis.Stop();

        // The current question is still answered; its follow-up context is gone with the store.
        await AskAsync("which one worked better?", "in-2");
        var withoutContext = await ReplyTextAsync();
        Assert.DoesNotContain("55.4", withoutContext, StringComparison.Ordinal);
        Assert.Contains("ketamine", withoutContext, StringComparison.OrdinalIgnoreCase);
        using (var notReady = await _http.GetAsync("readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Contains("store-redis", await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains(_logs.Entries, l => l.EventId.Id is 6010 or 6020);

        // A crisis message during the outage still gets the fixed crisis text.
        await AskAsync("i want to end my life tonight", "in-3");
        Assert.Contains("988", await ReplyTextAsync(), StringComparison.Ordinal);

        _redis.Resume();
        await _host.WaitUntilReadyAsync();

        // Records written before the outage are intact, and those held during it have been written.
        var records = _host.Services.GetRequiredService<IAnswerRecordStore>();
        var stored = await Eventually.ValueAsync(async () => await records.ListAsync(DateTimeOffset.UtcNow.AddMinutes(-10), 10) is { Count: 3 } all ? all : null);
        Assert.Equal(["crisis", "out_of_scope", "answer"], stored.Select(r => KetamineFaqBot.Core.Answering.RouteNames.ToWire(r.Route)));

        // No log line carries what the user wrote.
        var logged = string.Join('\n', _logs.Entries.Select(e => e.AllText));
        Assert.DoesNotContain("worked better", logged, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("end my life", logged, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CrisisBeforeOutage_RedisKilled_LaterQuestionStillCarriesCrisisResources()
    {
        await _host.WaitUntilReadyAsync();
        await AskAsync("i want to end my life tonight", "in-1");
        Assert.Contains("988", await ReplyTextAsync(), StringComparison.Ordinal);

        _redis.Stop();

        // The stored crisis flag cannot be read: the answer carries the crisis resources all the same.
        await AskAsync("is ketamine addictive?", "in-2");
        var during = await ReplyTextAsync();
        Assert.Contains("addict", during, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("988", during, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrisisDuringOutage_RedisRestarted_LaterQuestionStillCarriesCrisisResources()
    {
        const string other = "a:outage-other-conversation";
        await _host.WaitUntilReadyAsync();
        await AskAsync("is ketamine addictive?", "in-1");
        var before = await ReplyTextAsync();
        Assert.DoesNotContain("988", before, StringComparison.Ordinal);

        _redis.Stop();

        await AskAsync("i want to end my life tonight", "in-2");
        Assert.Contains("988", await ReplyTextAsync(), StringComparison.Ordinal);

        // While its state cannot be read, any conversation's answer carries the crisis resources.
        await AskAsync("is ketamine addictive?", "in-3", other);
        Assert.Contains("988", await ReplyTextAsync(), StringComparison.Ordinal);

        _redis.Resume();
        await _host.WaitUntilReadyAsync();

        // The crisis was never written to Redis; this instance remembered it.
        await AskAsync("is ketamine addictive?", "in-4");
        var after = await ReplyTextAsync();
        Assert.Contains("addict", after, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("988", after, StringComparison.Ordinal);

        // A conversation that only went unread during the outage is not marked as having hit crisis.
        await AskAsync("is ketamine addictive?", "in-5", other);
        Assert.DoesNotContain("988", await ReplyTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLine_RedisKilled_503WithRetryAfterThenCarriesOn()
    {
        await _host.WaitUntilReadyAsync();
        var client = await DirectLineTestClient.StartAsync(_http);
        await client.SendTextAsync("is ketamine addictive?", "c-1");
        await client.WaitForAnswersAsync(1);

        _redis.Stop();

        using (var post = await client.PostAsync(DirectLineTestClient.Message("how much does it cost?", "c-2")))
        {
            AssertRetryLater(post);
        }

        using (var read = await client.GetAsync($"v3/directline/conversations/{client.ConversationId}/activities?watermark="))
        {
            AssertRetryLater(read);
        }

        using (var reconnect = await client.ReconnectAsync())
        {
            AssertRetryLater(reconnect);
        }

        using (var stream = await _http.GetAsync($"v3/directline/conversations/{client.ConversationId}/stream?t={client.Token}"))
        {
            AssertRetryLater(stream);
        }

        using (var open = await _http.PostAsync("v3/directline/conversations", null))
        {
            AssertRetryLater(open);
        }

        using (var insights = new HttpRequestMessage(HttpMethod.Get, "admin/insights"))
        {
            insights.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
            using var report = await _http.SendAsync(insights);
            AssertRetryLater(report);
        }

        _redis.Resume();
        await _host.WaitUntilReadyAsync();

        // Nothing was lost: the history is whole and the conversation carries on with the same token.
        await client.SendTextAsync("how much does it cost?", "c-3");
        var answers = await client.WaitForAnswersAsync(2);
        Assert.Contains("insurance", (string)answers[^1]["text"]!, StringComparison.OrdinalIgnoreCase);
        var (activities, _) = await client.GetActivitiesAsync();
        Assert.Equal(2, activities.Count(a => (string?)a!["from"]!["role"] == "user"));
    }

    private static void AssertRetryLater(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"no Retry-After on {response.RequestMessage?.RequestUri}");
    }

    private async Task AskAsync(string text, string id, string conversation = Conversation)
    {
        using var response = await _http.PostAsJsonAsync("api/messages", new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "emulator",
            ["serviceUrl"] = _connector.BaseAddress.ToString(),
            ["from"] = new JsonObject { ["id"] = "29:user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot" },
            ["conversation"] = new JsonObject { ["id"] = conversation },
            ["text"] = text,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> ReplyTextAsync() => (string)(await _connector.NextMessageAsync()).Body["text"]!;

}
