using System.Text.Json;
using System.Text.Json.Serialization;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>A button. For imBack the value must be a string: Web Chat sends it as the message text and throws otherwise.</summary>
public sealed class CardAction
{
    public string? Type { get; set; }

    public string? Title { get; set; }

    public string? Value { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
