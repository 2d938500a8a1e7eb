using System.Text.Json;
using System.Text.Json.Serialization;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? IsGroup { get; set; }

    /// <summary>Teams: personal | groupChat | channel.</summary>
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
