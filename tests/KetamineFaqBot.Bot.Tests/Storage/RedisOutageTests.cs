using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.Storage;

/// <summary>The real redis-server stopped in the middle of a Teams-style conversation on /api/messages, then started again.</summary>
public sealed class RedisOutageTests : IAsyncLifetime, IDisposable
{
    private const string Conversation = "a:outage-conversation";
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

    private async Task AskAsync(string text, string id)
    {
        using var response = await _http.PostAsJsonAsync("api/messages", new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "emulator",
            ["serviceUrl"] = _connector.BaseAddress.ToString(),
            ["from"] = new JsonObject { ["id"] = "29:user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot" },
            ["conversation"] = new JsonObject { ["id"] = Conversation },
            ["text"] = text,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> ReplyTextAsync() => (string)(await _connector.NextMessageAsync()).Body["text"]!;

}
