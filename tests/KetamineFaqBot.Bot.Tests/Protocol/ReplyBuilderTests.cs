using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Core.Answering;
using Route = KetamineFaqBot.Core.Answering.Route;

namespace KetamineFaqBot.Bot.Tests.Protocol;

public sealed class ReplyBuilderTests
{
    private const string CitationTemplate = "**{section}**\n\n{text}\n\nSource: {source}\n\nLast reviewed: {reviewed}";

    private static readonly Citation LongCitation =
        new(1, "d", new string('T', 120), new string('S', 200), "a-very-long-topic-name-over-28-chars", "Src", "d#s", "Passage", null);

    [Fact]
    public void BuildAnswer_WebChatGenerated_UsesKeywordsReferenceLinksAndFeedbackActions()
    {
        var reply = ReplyBuilder.BuildAnswer(Inbound("directline"), Answer(Route.Answer, generated: true), "key1", CitationTemplate);

        var entity = Assert.Single(reply.Entities!);
        Assert.Equal("AIGeneratedContent", (string?)entity["keywords"]![0]);
        Assert.Null(entity["additionalType"]);
        Assert.EndsWith("[1]: cite:1 \"Title — Section\"", reply.Text, StringComparison.Ordinal);
        var actions = entity["potentialAction"]!.AsArray();
        Assert.Equal(["LikeAction", "DislikeAction"], actions.Select(a => (string)a!["@type"]!));
        Assert.Equal("key1", ReplyBuilder.FeedbackKeyFromActionId((string)actions[0]!["@id"]!));
        Assert.Null(reply.ChannelData);
    }

    [Fact]
    public void BuildAnswer_TeamsNotGenerated_HasCitationsButNoAiLabelAndNoReferenceLines()
    {
        var reply = ReplyBuilder.BuildAnswer(Inbound("msteams"), Answer(Route.Answer, generated: false), "key1", CitationTemplate);

        var entity = Assert.Single(reply.Entities!);
        Assert.Null(entity["additionalType"]);
        Assert.Null(entity["keywords"]);
        Assert.Null(entity["potentialAction"]);
        Assert.Equal("Answer [1].", reply.Text);
        Assert.Equal("default", (string?)reply.ChannelData!["feedbackLoop"]!["type"]);
    }

    [Theory]
    [InlineData(Route.Crisis)]
    [InlineData(Route.Referral)]
    [InlineData(Route.Refusal)]
    [InlineData(Route.NoAnswer)]
    public void BuildAnswer_NonAnswerRoute_HasNoAiLabelAndNoFeedback(Route route)
    {
        foreach (var channel in new[] { "msteams", "directline" })
        {
            var reply = ReplyBuilder.BuildAnswer(Inbound(channel), Answer(route, generated: true), "key1", CitationTemplate);

            var entity = Assert.Single(reply.Entities!);
            Assert.Null(entity["additionalType"]);
            Assert.Null(entity["keywords"]);
            Assert.Null(entity["potentialAction"]);
            Assert.Null(reply.ChannelData);
        }
    }

    [Fact]
    public void BuildAnswer_LongCitation_TruncatesNameAbstractAndKeywords()
    {
        var answer = new Answer(Route.Answer, "x [1]", [LongCitation], [], new Provenance("v", [], [], "extractive"));

        var claim = ReplyBuilder.BuildAnswer(Inbound("msteams"), answer, "k", CitationTemplate).Entities![0]["citation"]![0]!;

        Assert.Equal(1, (int)claim["position"]!);
        Assert.Equal(80, ((string)claim["appearance"]!["name"]!).Length);
        Assert.Equal(160, ((string)claim["appearance"]!["abstract"]!).Length);
        Assert.True(((string)claim["appearance"]!["keywords"]![0]!).Length <= 28);
    }

    [Theory]
    [InlineData("directline")]
    [InlineData("webchat")]
    public void BuildAnswer_WebChatCitations_EachClaimCarriesItsPassageAsMarkdownAndNoUrl(string channel)
    {
        var answer = new Answer(
            Route.Answer,
            "First [1]. Second [2].",
            [
                new Citation(1, "a", "Title A", "Section A", "topic", "Source A", "a#s", "Passage A says this", new DateOnly(2026, 11, 20)),
                new Citation(2, "b", "Title B", "Section B", "topic", "Source B", "b#s", "Passage B says that", new DateOnly(2026, 10, 1)),
            ],
            [],
            new Provenance("v", ["a#s", "b#s"], [], "extractive"));

        var reply = ReplyBuilder.BuildAnswer(Inbound(channel), answer, "k", CitationTemplate);

        // Web Chat 4.18 opens a Claim without url in its citation view and renders appearance.text there; a Claim
        // without text makes that view throw and blanks the whole chat.
        var claims = reply.Entities![0]["citation"]!.AsArray();
        Assert.Equal([1, 2], claims.Select(c => (int)c!["position"]!));
        Assert.Contains("[1]: cite:1 ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[2]: cite:2 ", reply.Text, StringComparison.Ordinal);
        foreach (var (claim, citation) in claims.Zip(answer.Citations))
        {
            var appearance = claim!["appearance"]!;
            Assert.Equal("Claim", (string?)claim["@type"]);
            Assert.Equal("DigitalDocument", (string?)appearance["@type"]);
            Assert.Equal(citation.Title, (string?)appearance["name"]);
            Assert.Null(appearance["url"]);
            Assert.Equal("text/markdown", (string?)appearance["encodingFormat"]);
            Assert.Equal(
                $"**{citation.Section}**\n\n{citation.Text}\n\nSource: {citation.Source}\n\nLast reviewed: {citation.ReviewedOn:yyyy-MM-dd}",
                (string?)appearance["text"]);
        }
    }

    [Fact]
    public void BuildAnswer_TeamsCitation_ClaimKeepsNameAbstractKeywordsAndNoMarkdownText()
    {
        var claim = ReplyBuilder.BuildAnswer(Inbound("msteams"), Answer(Route.Answer, generated: false), "k", CitationTemplate)
            .Entities![0]["citation"]![0]!;

        var appearance = claim["appearance"]!.AsObject();
        Assert.Equal(1, (int)claim["position"]!);
        Assert.Equal(["@type", "name", "abstract", "keywords"], appearance.Select(p => p.Key));
        Assert.Equal("Title", (string?)appearance["name"]);
        Assert.Equal("Section — Source", (string?)appearance["abstract"]);
    }

    [Fact]
    public void BuildAnswer_FourSuggestions_KeepsThreeImBacksWithStringValues()
    {
        var answer = new Answer(Route.Answer, "x", [], ["a", "b", "c", "d"], new Provenance("v", [], [], "faq"));

        var actions = ReplyBuilder.BuildAnswer(Inbound("directline"), answer, "k", CitationTemplate).SuggestedActions!.Actions;

        Assert.Equal(["a", "b", "c"], actions.Select(a => a.Value));
        Assert.All(actions, a => Assert.Equal("imBack", a.Type));
        Assert.All(actions, a => Assert.Equal(a.Title, a.Value));
    }

    [Fact]
    public void CreateReply_CopiesConversationReference()
    {
        var inbound = Inbound("msteams");

        var reply = ReplyBuilder.CreateReply(inbound);

        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal("user", reply.Recipient!.Id);
        Assert.Equal("conv", reply.Conversation!.Id);
        Assert.Equal("tenant", reply.Conversation.TenantId);
        Assert.Equal("in-1", reply.ReplyToId);
        Assert.Equal("fr-FR", reply.Locale);
        Assert.Equal(inbound.ServiceUrl, reply.ServiceUrl);
        Assert.Null(reply.Id);
        Assert.Null(reply.Timestamp);
    }

    [Theory]
    [InlineData("directline", false)]
    [InlineData("webchat", false)]
    [InlineData("msteams", true)]
    public void CreateReply_ToConversationUpdate_SetsReplyToIdOnlyOutsideDirectLine(string channel, bool expected)
    {
        var inbound = Inbound(channel);
        inbound.Type = ActivityTypes.ConversationUpdate;

        Assert.Equal(expected, ReplyBuilder.CreateReply(inbound).ReplyToId is not null);
    }

    private static Answer Answer(Route route, bool generated) => new(
        route,
        "Answer [1].",
        [new Citation(1, "d", "Title", "Section", "topic", "Source", "d#s", "Passage text", new DateOnly(2026, 11, 20))],
        [],
        new Provenance("v", ["d#s"], [], "extractive"),
        generated);

    private static Activity Inbound(string channel) => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = channel,
        ServiceUrl = "http://127.0.0.1:1/",
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "conv", TenantId = "tenant" },
        Locale = "fr-FR",
        ChannelData = new JsonObject(),
    };
}
