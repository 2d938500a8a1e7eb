using System.Text.Json;
using System.Text.Json.Serialization;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>A user or bot on a channel.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    /// <summary>user | bot. Web Chat reads it to tell the user's own messages from the bot's.</summary>
    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
