using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

/// <summary>
/// /api/messages over the real pipeline (shipped corpus, rules and texts): Messages:MaxLength is the one message
/// limit, answered with the "please shorten" text and never with an answer.
/// </summary>
public sealed class MessagesLengthLimitTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Message_OneCharacterOverDefaultLimit_GetsPleaseShortenTextAndNoAnswer()
    {
        await using var host = BotTestHost.StartWithRealAnswers(new Dictionary<string, string?> { [FakeConnector.ReplyPortSetting] = _connector.ReplyPort });

        var reply = await AskAsync(host, "conv-1001", Question(1001));

        Assert.Equal(TooLongText(host, 1000), ((string?)reply["text"])?.Trim());
        Assert.Null(reply["entities"]);
        Assert.Null(reply["suggestedActions"]);
        Assert.Null(reply["channelData"]);
    }

    [Fact]
    public async Task Message_ConfiguredLimit_IsTheOnlyLimit()
    {
        // 2,500 characters passed no earlier check before this limit became the only one (the host had its own 2,000).
        await using var host = BotTestHost.StartWithRealAnswers(new Dictionary<string, string?>
        {
            ["Messages:MaxLength"] = "3000",
            [FakeConnector.ReplyPortSetting] = _connector.ReplyPort,
        });

        var within = await AskAsync(host, "conv-2500", Question(2500));
        var over = await AskAsync(host, "conv-3001", Question(3001));

        Assert.NotEqual(TooLongText(host, 3000), ((string?)within["text"])?.Trim());
        Assert.DoesNotContain("shorten", (string?)within["text"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TooLongText(host, 3000), ((string?)over["text"])?.Trim());
        Assert.Null(over["entities"]);
    }

    private static string TooLongText(BotTestHost host, int limit) =>
        host.Services.GetRequiredService<IResponseTexts>().Text(ResponseKeys.TooLong).Trim()
            .Replace(ResponseKeys.MaxLengthPlaceholder, limit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>An in-scope question repeated to exactly <paramref name="length"/> characters (no markup, single spaces).</summary>
    private static string Question(int length)
    {
        const string sentence = "How long does a ketamine infusion session take and what should I bring with me? ";
        var text = string.Concat(Enumerable.Repeat(sentence, (length / sentence.Length) + 1))[..length];
        return text[^1] == ' ' ? text[..^1] + "?" : text;
    }

    private async Task<JsonObject> AskAsync(BotTestHost host, string conversation, string text)
    {
        using var http = host.CreateHttpClient();
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "in-" + conversation,
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.BaseAddress.AbsoluteUri,
            ["from"] = new JsonObject { ["id"] = "29:user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot-id" },
            ["conversation"] = new JsonObject { ["id"] = conversation },
            ["locale"] = "en-US",
            ["text"] = text,
        };

        using var response = await http.PostAsJsonAsync("api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await _connector.NextMessageAsync()).Body;
        Assert.Equal("in-" + conversation, (string?)reply["replyToId"]);
        return reply;
    }
}
