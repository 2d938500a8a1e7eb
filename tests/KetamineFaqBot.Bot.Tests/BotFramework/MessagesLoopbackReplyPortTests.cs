using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

/// <summary>
/// /api/messages in anonymous mode replies only to loopback ports on Bot:AllowedLoopbackReplyPorts. Two real listeners
/// run on loopback; the bot is told the port of one of them. A message naming the other one is refused and nothing is
/// ever sent to it.
/// </summary>
public sealed class MessagesLoopbackReplyPortTests : IAsyncLifetime, IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private FakeConnector _listed = null!;
    private FakeConnector _unlisted = null!;
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        // Bind first, then tell the bot the port.
        _listed = await FakeConnector.StartAsync();
        _unlisted = await FakeConnector.StartAsync();
        _host = BotTestHost.Start(
            new Dictionary<string, string?> { [FakeConnector.ReplyPortSetting] = _listed.ReplyPort },
            services => services.AddSingleton<ILoggerProvider>(_logs));
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _listed.DisposeAsync();
        await _unlisted.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Message_LoopbackServiceUrlOnUnlistedPort_RefusedAndNothingSentThere()
    {
        using var refused = await _http.PostAsJsonAsync("api/messages", Message(_unlisted, "conv-unlisted"));
        using var answered = await _http.PostAsJsonAsync("api/messages", Message(_listed, "conv-listed"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var reply = await _listed.NextMessageAsync();
        Assert.Equal("conv-listed", (string?)reply.Body["conversation"]!["id"]);

        // The listed port's reply has arrived; the refused message was never queued, so nothing can still be on its way.
        Assert.False(_unlisted.TryTake(out _));
        Assert.Equal(["conv-listed"], _host.Answers.Turns.Select(t => t.ConversationId));
        var refusal = Assert.Single(_logs.Entries, e => e.EventId.Id == 4130);
        Assert.Equal($"Reply refused: serviceUrl LoopbackPortNotAllowed (host 127.0.0.1, port {_unlisted.ReplyPort}).", refusal.Message);
    }

    [Fact]
    public async Task ConversationUpdate_LoopbackServiceUrlOnUnlistedPort_NoWelcomeSentThere()
    {
        var update = Message(_unlisted, "conv-welcome-unlisted");
        update["type"] = "conversationUpdate";
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:user" });
        using var refused = await _http.PostAsJsonAsync("api/messages", update);
        using var answered = await _http.PostAsJsonAsync("api/messages", Message(_listed, "conv-after"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("conv-after", (string?)(await _listed.NextMessageAsync()).Body["conversation"]!["id"]);
        Assert.False(_unlisted.TryTake(out _));
    }

    [Fact]
    public async Task Message_DefaultPorts_ReplyToAListenerOnAPortTheSystemAssigned()
    {
        // Like the Bot Framework Emulator, the listener asked the operating system for any free port; the default list
        // (the ephemeral ranges) lets the bot reply there without configuration.
        await using var host = BotTestHost.Start();
        using var http = host.CreateHttpClient();

        using var response = await http.PostAsJsonAsync("api/messages", Message(_unlisted, "conv-default"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("conv-default", (string?)(await _unlisted.NextMessageAsync()).Body["conversation"]!["id"]);
    }

    private static JsonObject Message(FakeConnector connector, string conversation) => new()
    {
        ["type"] = "message",
        ["id"] = "in-1",
        ["channelId"] = "emulator",
        ["serviceUrl"] = connector.BaseAddress.AbsoluteUri,
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot-id", ["name"] = "Bot" },
        ["conversation"] = new JsonObject { ["id"] = conversation },
        ["text"] = "is ketamine addictive?",
    };
}
