using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>A Bot Framework activity. Unknown fields survive a round trip (spec A2005); nulls are omitted on the wire.</summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? Speak { get; set; }

    public string? InputHint { get; set; }

    public string? Name { get; set; }

    public JsonNode? Value { get; set; }

    public string? ReplyToId { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public JsonArray? Attachments { get; set; }

    public string? AttachmentLayout { get; set; }

    /// <summary>Entities are kept as raw JSON objects: each channel adds its own kinds.</summary>
    public IList<JsonObject>? Entities { get; set; }

    public JsonObject? ChannelData { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
