using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.Logging;

/// <summary>
/// Client-chosen ids, names and keys with CR/LF (a forged log line), NUL (a binary log file) and an ANSI escape, sent
/// to /api/messages: every log entry, at every level, the framework's included, carries them escaped.
/// </summary>
public sealed class LogInjectionTests : IAsyncLifetime, IDisposable
{
    private const string Forged = "\r\ninfo: KetamineFaqBot.Bot.Admin[4001]\r\n      Reindexed\0\u001b[31m";
    private const string ForgedEscaped = @"\r\ninfo: KetamineFaqBot.Bot.Admin[4001]\r\n      Reindexed\0\u001B[31m";
    private readonly CapturingLoggerProvider _logs = new();
    private FakeConnector _connector = null!;
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = BotTestHost.Start(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                [FakeConnector.ReplyPortSetting] = _connector.ReplyPort,
            },
            services => services.AddSingleton<ILoggerProvider>(_logs));
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task ControlCharactersInClientValues_EscapedInEveryLogEntry()
    {
        const string conversation = "a:1";

        // A conversation id like that is refused at the door (ConversationIdCheckTests); names and ids inside an
        // accepted activity still reach the logs, escaped.
        using var refused = await _http.PostAsJsonAsync("api/messages", Activity("message", "a:1" + Forged, text: "is ketamine addictive?"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await PostAsync(Activity("event", conversation, name: "custom" + Forged));
        var feedback = Activity("event", conversation, name: "feedback");
        feedback["value"] = new JsonObject { ["replyToId"] = "reply" + Forged, ["reaction"] = "like" };
        await PostAsync(feedback);

        var entries = await Eventually.ValueAsync(() => Task.FromResult(
            _logs.Entries is var all && new[] { "Ignored", "FeedbackRecorded" }.All(n => all.Any(e => e.EventId.Name == n)) ? all : null));
        foreach (var entry in entries)
        {
            foreach (var text in entry.Values.Values.Prepend(entry.Message))
            {
                Assert.False(text?.IndexOfAny(['\r', '\n', '\0', '\u001b']) >= 0, $"{entry.Category}[{entry.EventId}]: {text}");
            }
        }

        Assert.Equal("custom" + ForgedEscaped, Assert.Single(entries, e => e.EventId.Name == "Ignored").Values["Name"]);
        Assert.Equal("reply" + ForgedEscaped, Assert.Single(entries, e => e.EventId.Name == "FeedbackRecorded").Values["ReplyId"]);
    }

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await _http.PostAsJsonAsync("api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private JsonObject Activity(string type, string conversation, string? text = null, string? name = null) => new()
    {
        ["type"] = type,
        ["id"] = "in-1",
        ["name"] = name,
        ["channelId"] = "emulator",
        ["serviceUrl"] = _connector.BaseAddress.AbsoluteUri,
        ["from"] = new JsonObject { ["id"] = "29:user" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot-id" },
        ["conversation"] = new JsonObject { ["id"] = conversation },
        ["text"] = text,
    };
}
