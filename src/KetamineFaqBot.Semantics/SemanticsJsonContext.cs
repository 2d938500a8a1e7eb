using System.Text.Json.Serialization;
using KetamineFaqBot.Semantics.Classification;

namespace KetamineFaqBot.Semantics;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RouteCalibration))]
internal sealed partial class SemanticsJsonContext : JsonSerializerContext;
