using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Storage.Redaction;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// What becomes of an activity a Web Chat client posts. Only the fields the bot reads survive: the client's
/// attachments, suggested actions, speak text, extension fields and any <c>from.name</c> (which could impersonate the
/// bot) are dropped. <see cref="Handled"/> goes to the answering turn; <see cref="Stored"/> is what the activity log
/// keeps and every client is shown, live or on reload: the text capped and redacted, no value or entities.
/// </summary>
public sealed record InboundActivity(Activity Handled, Activity Stored)
{
    /// <summary>Longest clientActivityID kept: Web Chat's are short random strings.</summary>
    private const int MaxClientActivityIdLength = 100;

    private const int MaxShortFieldLength = 100;

    public static InboundActivity From(Activity posted, string conversationId, string userId, ChannelAccount bot, int maxStoredTextLength)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(bot);

        var handled = Core(posted, conversationId, userId, bot, posted.Text);
        handled.Value = posted.Value;
        handled.Entities = posted.Entities;
        handled.ReplyToId = Cap(posted.ReplyToId, MaxShortFieldLength);

        // SAFETY: the user's own echo is the redacted text too, so the transcript shows exactly what is kept.
        var stored = Core(posted, conversationId, userId, bot, Cap(TextRedactor.Redact(Cap(posted.Text, maxStoredTextLength)), maxStoredTextLength));
        return new InboundActivity(handled, stored);
    }

    private static Activity Core(Activity posted, string conversationId, string userId, ChannelAccount bot, string? text) => new()
    {
        Type = Cap(posted.Type, MaxShortFieldLength),
        Name = Cap(posted.Name, MaxShortFieldLength),
        // PROTOCOL: like the real service, the token's user wins over whatever from.id the client sent; the name the
        // client chose is not kept at all.
        From = new ChannelAccount { Id = userId, Role = "user" },
        Recipient = new ChannelAccount { Id = bot.Id, Name = bot.Name, Role = bot.Role },
        Conversation = new ConversationAccount { Id = conversationId },
        ChannelId = ChannelIds.DirectLine,
        Locale = Cap(posted.Locale, 20),
        TextFormat = posted.TextFormat is "plain" or "markdown" or "xml" ? posted.TextFormat : null,
        Text = text,
        // PROTOCOL: clientActivityID alone is kept from channelData, so Web Chat can match the echo to what it sent.
        ChannelData = ClientActivityIdOf(posted.ChannelData),
    };

    private static JsonObject? ClientActivityIdOf(JsonObject? channelData) =>
        channelData?["clientActivityID"] is JsonValue id && id.TryGetValue<string>(out var value) && value.Length <= MaxClientActivityIdLength
            ? new JsonObject { ["clientActivityID"] = value }
            : null;

    private static string? Cap(string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }

        // Never cut between the two halves of a surrogate pair.
        var length = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..length];
    }
}
