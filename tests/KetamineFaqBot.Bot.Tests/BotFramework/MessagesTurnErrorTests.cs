using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Answering.Conversations;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

/// <summary>
/// A turn whose answer throws: the user gets the fixed apology, the conversation's state is reset in the real
/// in-memory store, and nothing the host logs (at any level) carries the message text.
/// </summary>
public sealed class MessagesTurnErrorTests : IAsyncLifetime, IDisposable
{
    private const string PrivateText = "my husband's lamotrigine dose zq-7731 and ketamine";

    private readonly InMemoryConversationStore _store = new();
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
            services =>
            {
                services.AddSingleton<IConversationStore>(_store);
                services.AddSingleton<IAnswerService, ThrowingAnswerService>();
                services.AddSingleton<ILoggerProvider>(_logs);
            });
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
    public async Task Message_AnswerThrows_SendsApologyResetsStateAndLogsNoMessageText()
    {
        await _store.SaveAsync("conv-error", SavedState("earlier question"));
        await _store.SaveAsync("conv-other", SavedState("unrelated question"));

        using var response = await _http.PostAsJsonAsync("api/messages", Message("conv-error", PrivateText));
        var reply = await _connector.NextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message", (string?)reply.Body["type"]);
        Assert.Equal("[apology]", (string?)reply.Body["text"]);
        Assert.Equal("in-error", (string?)reply.Body["replyToId"]);
        Assert.Null(reply.Body["entities"]);
        Assert.Null(reply.Body["channelData"]);
        Assert.False(_connector.TryTake(out _));

        // The context is gone; the crisis flag the conversation had is not.
        var after = await _store.LoadAsync("conv-error");
        Assert.Empty(after.RecentTurns);
        Assert.True(after.CrisisFlag);
        Assert.Equal("unrelated question", Assert.Single((await _store.LoadAsync("conv-other")).RecentTurns).Query);

        var logs = _logs.Entries;
        Assert.All(logs, e => Assert.DoesNotContain("zq-7731", e.AllText, StringComparison.OrdinalIgnoreCase));
        Assert.All(logs, e => Assert.DoesNotContain("lamotrigine", e.AllText, StringComparison.OrdinalIgnoreCase));
        var failure = Assert.Single(logs, e => e.EventId.Name == "TurnFailed");
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal("conv-error", failure.Values["ConversationId"]);
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.Values["ExceptionType"]);
    }

    [Fact]
    public async Task Message_AnswerThrowsWithoutCrisis_StateEmpty()
    {
        await _store.SaveAsync("conv-plain", SavedState("earlier question") with { CrisisFlag = false });

        using var response = await _http.PostAsJsonAsync("api/messages", Message("conv-plain", PrivateText));
        await _connector.NextAsync();

        Assert.Equal(ConversationState.Empty, await _store.LoadAsync("conv-plain"));
    }

    private static ConversationState SavedState(string query) =>
        new([new ConversationTurn(DateTimeOffset.UtcNow, query, "answer", ["doc-a#section-a"])], CrisisFlag: true);

    private JsonObject Message(string conversation, string text) => new()
    {
        ["type"] = "message",
        ["id"] = "in-error",
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.BaseAddress.AbsoluteUri,
        ["from"] = new JsonObject { ["id"] = "29:user" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot-id" },
        ["conversation"] = new JsonObject { ["id"] = conversation },
        ["text"] = text,
    };

    /// <summary>Fails the way a careless component might: the exception message quotes the user's text.</summary>
    private sealed class ThrowingAnswerService : IAnswerService
    {
        public Task<Answer> AnswerAsync(Turn turn, CancellationToken cancellationToken = default) =>
            Task.FromException<Answer>(new InvalidOperationException($"Could not answer \"{turn.Text}\""));
    }
}
