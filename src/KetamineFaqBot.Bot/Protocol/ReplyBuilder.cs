using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KetamineFaqBot.Core.Answering;
using Route = KetamineFaqBot.Core.Answering.Route;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>Maps an <see cref="Answer"/> to a reply activity shaped for the channel it goes to.</summary>
public sealed class ReplyBuilder
{
    public const int MaxSuggestions = 3;
    public const int MaxCitationNameLength = 80;
    public const int MaxCitationAbstractLength = 160;
    public const int MaxKeywordLength = 28;
    public const string MessageEntityType = "https://schema.org/Message";
    public const string AiGeneratedContent = "AIGeneratedContent";
    public const string WebChatCitationFormat = "text/markdown";

    /// <summary>A reply that carries the conversation reference of <paramref name="inbound"/> (activity spec §1.3).</summary>
    public static Activity CreateReply(Activity inbound, string type = ActivityTypes.Message)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var reply = new Activity
        {
            Type = type,
            ChannelId = inbound.ChannelId,
            ServiceUrl = inbound.ServiceUrl,
            From = Copy(inbound.Recipient),
            Recipient = Copy(inbound.From),
            Conversation = inbound.Conversation is null ? null : new ConversationAccount
            {
                Id = inbound.Conversation.Id,
                Name = inbound.Conversation.Name,
                IsGroup = inbound.Conversation.IsGroup,
                ConversationType = inbound.Conversation.ConversationType,
                TenantId = inbound.Conversation.TenantId,
            },
            Locale = inbound.Locale,
        };

        // PROTOCOL: like the SDK, a reply to a Direct Line / Web Chat conversationUpdate has no replyToId: the client never
        // saw that activity and would hold the reply back for up to 5 s waiting for it.
        var omitReplyTo = inbound.Type == ActivityTypes.ConversationUpdate && ChannelIds.IsDirectLineOrWebChat(inbound.ChannelId);
        if (!omitReplyTo && !string.IsNullOrEmpty(inbound.Id))
        {
            reply.ReplyToId = inbound.Id;
        }

        return reply;
    }

    public static Activity BuildTyping(Activity inbound) => CreateReply(inbound, ActivityTypes.Typing);

    /// <summary>A fixed text reply (welcome, apology, too long): no citations, no AI label, no feedback.</summary>
    public static Activity BuildText(Activity inbound, string text, ChannelAccount? recipient = null)
    {
        var reply = CreateReply(inbound);
        if (recipient is not null)
        {
            reply.Recipient = Copy(recipient);
        }

        reply.TextFormat = "markdown";
        reply.Text = text;
        return reply;
    }

    /// <param name="feedbackKey">Our own id for this reply, carried by Web Chat's feedback actions.</param>
    /// <param name="citationTemplate">The <c>citation</c> response text: how Web Chat shows an opened citation.</param>
    public static Activity BuildAnswer(Activity inbound, Answer answer, string feedbackKey, string citationTemplate)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(citationTemplate);
        var teams = ChannelIds.IsTeams(inbound.ChannelId);

        // SAFETY: only the answer route is rated and labelled; crisis, referral, refusal and other fixed texts never carry
        // an AI label or feedback buttons.
        var isAnswer = answer.Route == Route.Answer;
        var citations = answer.Citations.Take(20).ToList();

        var reply = CreateReply(inbound);
        reply.TextFormat = "markdown";
        reply.Text = teams || citations.Count == 0 ? answer.Text : AppendReferenceLinks(answer.Text, citations);

        var suggestions = answer.Suggestions.Where(s => !string.IsNullOrWhiteSpace(s)).Take(MaxSuggestions).ToList();
        if (suggestions.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = suggestions.Select(s => new CardAction { Type = "imBack", Title = s, Value = s }).ToList(),
            };
        }

        var generated = isAnswer && answer.Generated;
        var webChatFeedback = isAnswer && !teams;
        if (citations.Count > 0 || generated || webChatFeedback)
        {
            reply.Entities = [BuildMessageEntity(citations, generated, teams, webChatFeedback ? feedbackKey : null, citationTemplate)];
        }

        if (teams && isAnswer)
        {
            reply.ChannelData = new JsonObject
            {
                ["feedbackLoop"] = new JsonObject { ["type"] = "default" },
                ["feedbackLoopEnabled"] = true,
            };
        }

        return reply;
    }

    /// <summary>Key of a Web Chat feedback action: "{feedbackKey}#like" or "{feedbackKey}#dislike".</summary>
    public static string FeedbackActionId(string feedbackKey, string rating) => $"{FeedbackActionPrefix}{feedbackKey}#{rating}";

    /// <summary>Reads the feedback key back from a Web Chat feedback action id.</summary>
    public static string? FeedbackKeyFromActionId(string actionId)
    {
        ArgumentNullException.ThrowIfNull(actionId);
        var hash = actionId.LastIndexOf('#');
        return actionId.StartsWith(FeedbackActionPrefix, StringComparison.Ordinal) && hash > FeedbackActionPrefix.Length
            ? actionId[FeedbackActionPrefix.Length..hash]
            : null;
    }

    private const string FeedbackActionPrefix = "urn:kfaq:reply:";

    private static JsonObject BuildMessageEntity(List<Citation> citations, bool generated, bool teams, string? feedbackKey, string citationTemplate)
    {
        var entity = new JsonObject
        {
            ["type"] = MessageEntityType,
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
        };

        if (generated)
        {
            // PROTOCOL: Teams reads additionalType, Web Chat reads keywords for the same "AI generated" label.
            if (teams)
            {
                entity["additionalType"] = new JsonArray(AiGeneratedContent);
            }
            else
            {
                entity["keywords"] = new JsonArray(AiGeneratedContent);
            }
        }

        if (citations.Count > 0)
        {
            var claims = new JsonArray();
            foreach (var citation in citations)
            {
                claims.Add(BuildClaim(citation, teams ? null : CitationView.Render(citation, citationTemplate)));
            }

            entity["citation"] = claims;
        }

        if (feedbackKey is not null)
        {
            // PROTOCOL: Web Chat 4.18 shows thumb buttons for LikeAction/DislikeAction on the root Message entity and posts
            // an event "webchat:activity-status/feedback" whose only entity is the pressed action; its @id carries our key.
            entity["potentialAction"] = new JsonArray(
                new JsonObject { ["@type"] = "LikeAction", ["@id"] = FeedbackActionId(feedbackKey, "like") },
                new JsonObject { ["@type"] = "DislikeAction", ["@id"] = FeedbackActionId(feedbackKey, "dislike") });
        }

        return entity;
    }

    private static JsonObject BuildClaim(Citation citation, string? view)
    {
        var appearance = new JsonObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = Truncate(NonEmpty(citation.Title, citation.Id), MaxCitationNameLength),
            ["abstract"] = Truncate(Abstract(citation), MaxCitationAbstractLength),
        };

        if (!string.IsNullOrWhiteSpace(citation.Topic))
        {
            appearance["keywords"] = new JsonArray(Truncate(citation.Topic, MaxKeywordLength));
        }

        // PROTOCOL: Web Chat 4.18 opens its citation view for a Claim whose appearance has no url and renders
        // appearance.text there as Markdown; with no text the view throws and unmounts the whole chat, transcript and
        // all. Teams takes appearance.text only as a stringified Adaptive Card (encodingFormat
        // application/vnd.microsoft.card.adaptive), so Teams keeps name, abstract and keywords alone.
        if (view is not null)
        {
            appearance["text"] = view;
            appearance["encodingFormat"] = WebChatCitationFormat;
        }

        return new JsonObject
        {
            ["@type"] = "Claim",
            ["position"] = citation.Position,
            ["appearance"] = appearance,
        };
    }

    private static string AppendReferenceLinks(string text, List<Citation> citations)
    {
        var builder = new StringBuilder(text.TrimEnd());
        builder.Append("\n\n");
        foreach (var citation in citations)
        {
            var label = string.IsNullOrWhiteSpace(citation.Section) ? citation.Title : $"{citation.Title} — {citation.Section}";
            builder.Append(CultureInfo.InvariantCulture, $"[{citation.Position}]: cite:{citation.Position} \"{label.Replace('"', '\'')}\"\n");
        }

        return builder.ToString().TrimEnd('\n');
    }

    private static string Abstract(Citation citation)
    {
        var parts = new[] { citation.Section, citation.Source }.Where(p => !string.IsNullOrWhiteSpace(p));
        return NonEmpty(string.Join(" — ", parts), citation.Title);
    }

    private static string NonEmpty(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    private static string Truncate(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");

    private static ChannelAccount? Copy(ChannelAccount? account) => account is null ? null : new ChannelAccount
    {
        Id = account.Id,
        Name = account.Name,
        AadObjectId = account.AadObjectId,
        Role = account.Role,
    };
}
