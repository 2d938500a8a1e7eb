using System.Text.Json.Serialization;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Retrieval.Versioning;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(IndexManifest))]
[JsonSerializable(typeof(List<Passage>))]
internal sealed partial class RetrievalJsonContext : JsonSerializerContext;
