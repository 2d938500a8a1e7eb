using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["Bot:MessagesPerMinutePerConversation"] = "3",
            [FakeConnector.ReplyPortSetting] = _connector.ReplyPort,
        });
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ConversationUpdate_MembersAdded_WelcomesEachMemberButTheBot()
    {
        var activity = Inbound("conversationUpdate", conversation: "conv-welcome");
        activity["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = "28:bot-id" },
            new JsonObject { ["id"] = "29:user-a" },
            new JsonObject { ["id"] = "29:user-b" });

        using var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = await _connector.NextAsync();
        var second = await _connector.NextAsync();
        Assert.Equal(["29:user-a", "29:user-b"], new[] { first, second }.Select(p => (string)p.Body["recipient"]!["id"]!).Order());
        Assert.All(new[] { first, second }, p => Assert.Equal("[welcome]", (string?)p.Body["text"]));
        Assert.False(_connector.TryTake(out _));
    }

    [Fact]
    public async Task Message_Teams_RepliesToActivityWithCitationsSuggestionsAndFeedback()
    {
        var activity = Inbound("message", conversation: "a:1@thread;x", id: "1:msg/7", channel: "msteams", path: "amer/");
        activity["text"] = $"<at>Ketamine FAQ</at> what is it {ScriptedAnswerService.GeneratedTrigger}";

        using var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        var post = await _connector.NextMessageAsync();
        Assert.Equal("/amer/v3/conversations/a%3A1%40thread%3Bx/activities/1%3Amsg%2F7", post.Path);
        Assert.Equal(string.Empty, post.Authorization);
        var reply = post.Body;
        Assert.Equal("message", (string?)reply["type"]);
        Assert.Equal("markdown", (string?)reply["textFormat"]);
        Assert.Equal("1:msg/7", (string?)reply["replyToId"]);
        Assert.Equal("28:bot-id", (string?)reply["from"]!["id"]);
        Assert.Equal("29:user", (string?)reply["recipient"]!["id"]);
        Assert.Equal("en-GB", (string?)reply["locale"]);
        Assert.Null(reply["id"]);
        Assert.DoesNotContain("cite:", (string)reply["text"]!, StringComparison.Ordinal);
        var actions = reply["suggestedActions"]!["actions"]!.AsArray();
        Assert.Equal(3, actions.Count);
        Assert.All(actions, a => Assert.Equal((string?)a!["title"], (string?)a["value"]));
        var entity = Assert.Single(reply["entities"]!.AsArray())!;
        Assert.Equal("https://schema.org/Message", (string?)entity["type"]);
        Assert.Equal("AIGeneratedContent", (string?)entity["additionalType"]![0]);
        Assert.Equal(2, entity["citation"]!.AsArray().Count);
        Assert.Equal("default", (string?)reply["channelData"]!["feedbackLoop"]!["type"]);
        Assert.True((bool)reply["channelData"]!["feedbackLoopEnabled"]!);
        Assert.Contains(_host.Answers.Turns, t => t.Text == $"what is it {ScriptedAnswerService.GeneratedTrigger}" && t.Channel == "msteams");
    }

    [Fact]
    public async Task Message_Crisis_HasNoAiLabelAndNoFeedback()
    {
        var activity = Inbound("message", conversation: "conv-crisis", channel: "msteams");
        activity["text"] = $"{ScriptedAnswerService.CrisisTrigger} {ScriptedAnswerService.GeneratedTrigger}";

        using var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await _connector.NextMessageAsync()).Body;
        Assert.Equal("Scripted crisis text: call or text 988.", (string?)reply["text"]);
        Assert.Null(reply["entities"]);
        Assert.Null(reply["channelData"]);
        Assert.Null(reply["suggestedActions"]);
    }

    [Fact]
    public async Task FeedbackInvoke_AfterAnswer_Returns200EmptyAndRecordsWithProvenance()
    {
        var question = Inbound("message", conversation: "conv-feedback", channel: "msteams");
        question["text"] = "rate this";
        using (await PostAsync(question))
        {
        }

        var answered = await _connector.NextMessageAsync();

        // Turns of one conversation run in order: once a second answer is posted, the first reply's id is stored.
        question["text"] = "second question";
        using (await PostAsync(question))
        {
        }

        await _connector.NextMessageAsync();
        var invoke = Inbound("invoke", conversation: "conv-feedback", channel: "msteams");
        invoke["name"] = "message/submitAction";
        invoke["replyToId"] = answered.AssignedId;
        invoke["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "dislike", ["feedback"] = "{\"feedbackText\":\"too vague\"}" },
        };

        using var response = await PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var record = await _host.Feedback.NextAsync();
        Assert.Equal("dislike", record.Rating);
        Assert.Equal("too vague", record.Comment);
        Assert.Equal(answered.AssignedId, record.ActivityId);
        Assert.Equal("conv-feedback", record.ConversationId);
        Assert.Equal(["doc-a#section-a", "doc-b#section-b"], record.Provenance!.Passages);
    }

    [Fact]
    public async Task Invoke_Unknown_Returns501()
    {
        var invoke = Inbound("invoke", conversation: "conv-invoke");
        invoke["name"] = "composeExtension/query";

        using var response = await PostAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Message_Failure_SendsApologyWithoutLosingTheConversation()
    {
        var activity = Inbound("message", conversation: "conv-fail");
        activity["text"] = ScriptedAnswerService.FailTrigger;

        using var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[apology]", (string?)(await _connector.NextMessageAsync()).Body["text"]);
    }

    [Fact]
    public async Task Message_SlowAnswer_SendsTypingFirst()
    {
        _host.Answers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var activity = Inbound("message", conversation: "conv-typing");
        activity["text"] = "slow one";

        using var response = await PostAsync(activity);
        var first = await _connector.NextAsync();
        _host.Answers.Gate.SetResult();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("typing", (string?)first.Body["type"]);
        Assert.Null(first.Body["text"]);
        Assert.Equal("message", (string?)(await _connector.NextMessageAsync()).Body["type"]);
    }

    [Fact]
    public async Task Message_NonLoopbackServiceUrlInAnonymousMode_Returns401AndSendsNothing()
    {
        var activity = Inbound("message", conversation: "conv-ssrf");
        activity["serviceUrl"] = "http://169.254.169.254/latest/";
        activity["text"] = "hello";

        using var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Answers.Turns);
    }

    [Fact]
    public async Task Message_WithAuthorizationHeaderInAnonymousMode_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(Inbound("message", "conv-auth")) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer something");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Message_Oversized_Returns413()
    {
        var activity = Inbound("message", conversation: "conv-big");
        activity["text"] = new string('x', 300 * 1024);

        using var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{oops")]
    [InlineData("{\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1/\"}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1/\"}")]
    public async Task Message_Malformed_Returns400(string body)
    {
        using var response = await _http.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Message_OverConversationRate_Returns429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var activity = Inbound("message", conversation: "conv-rate");
            activity["text"] = $"q{i}";
            using var response = await PostAsync(activity);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Message_UnknownFields_AreAcceptedAndIgnored()
    {
        var activity = Inbound("message", conversation: "conv-unknown");
        activity["text"] = "hi";
        activity["someFutureField"] = new JsonObject { ["nested"] = true };

        using var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message", (string?)(await _connector.NextMessageAsync()).Body["type"]);
    }

    [Fact]
    public async Task InstallationUpdate_IsAcceptedAndIgnored()
    {
        using var response = await PostAsync(Inbound("installationUpdate", conversation: "conv-install"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) => _http.PostAsJsonAsync("api/messages", activity);

    private JsonObject Inbound(string type, string conversation, string id = "in-1", string channel = "emulator", string path = "") => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = channel,
        ["serviceUrl"] = new Uri(_connector.BaseAddress, path).ToString(),
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot-id", ["name"] = "Bot" },
        ["conversation"] = new JsonObject { ["id"] = conversation },
        ["locale"] = "en-GB",
    };
}
