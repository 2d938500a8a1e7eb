using System.Text.Json.Nodes;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>What the inbound HTTP request answers: 200 without body for most activities, the invoke response for invokes.</summary>
public sealed record TurnResult(int StatusCode, JsonNode? Body = null)
{
    public static TurnResult Ok { get; } = new(200);

    public static TurnResult NotImplemented { get; } = new(501);
}
