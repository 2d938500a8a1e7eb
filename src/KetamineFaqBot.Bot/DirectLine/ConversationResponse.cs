using System.Text.Json.Serialization;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>Direct Line 3.0 Conversation (and token response, without streamUrl).</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl);
