using System.Text.Json.Serialization;

namespace KetamineFaqBot.Load.Servers;

/// <summary>The Connector's ResourceResponse: the id the channel gave a reply.</summary>
internal sealed record ResourceId([property: JsonPropertyName("id")] string Id);
