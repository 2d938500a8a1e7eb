using System.Text.Json.Serialization;

namespace KetamineFaqBot.Load.Servers;

/// <summary>Source-generated JSON for what the sink writes.</summary>
[JsonSerializable(typeof(ResourceId))]
internal sealed partial class SinkJson : JsonSerializerContext;
