using System.Text.Json.Serialization;

namespace KetamineFaqBot.Load.Reporting;

/// <summary>Source-generated JSON for <c>--json</c>: the same report as the tables, camelCase.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoadReport))]
internal sealed partial class ReportJson : JsonSerializerContext;
