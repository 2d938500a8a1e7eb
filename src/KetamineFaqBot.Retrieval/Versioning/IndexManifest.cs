namespace KetamineFaqBot.Retrieval.Versioning;

/// <summary>What one index version was built from; written last, so its presence marks a complete version.</summary>
/// <param name="FormatVersion">Layout of the version folder; bumped when passages.json or the Lucene fields change.</param>
/// <param name="Version">Folder name of the version: <c>yyyyMMddHHmmss-hash8</c>.</param>
/// <param name="CorpusContentHash">The snapshot's content hash; an unchanged corpus is not rebuilt.</param>
/// <param name="Synonyms">The synonym groups the index was analysed with; queries must use the same ones.</param>
/// <param name="Extensions">What each index extension built into this version (absent in versions built without any).</param>
public sealed record IndexManifest(
    int FormatVersion,
    string Version,
    string CorpusContentHash,
    IReadOnlyList<ManifestDocument> Documents,
    int PassageCount,
    int FaqCount,
    DateTimeOffset BuiltAtUtc,
    string ToolVersion,
    string LuceneVersion,
    IReadOnlyList<IReadOnlyList<string>> Synonyms,
    IReadOnlyList<Core.Retrieval.IndexExtensionReport>? Extensions = null);
