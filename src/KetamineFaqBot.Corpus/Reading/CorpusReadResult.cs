using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Corpus.Linting;

namespace KetamineFaqBot.Corpus.Reading;

/// <summary>Outcome of reading a corpus folder.</summary>
/// <param name="Snapshot">Every structurally valid document and synonym group; null when the folder is missing or holds no valid document.</param>
/// <param name="Findings">Structural problems (folder, files, front matter, sections, FAQ entries, synonyms). Run
/// <see cref="CorpusLinter"/> for the content rules (vocabulary, duplicates, review dates).</param>
public sealed record CorpusReadResult(CorpusSnapshot? Snapshot, IReadOnlyList<LintFinding> Findings)
{
    /// <summary>The corpus folder as given to the reader.</summary>
    public string Folder { get; init; } = string.Empty;

    internal IReadOnlyList<ParsedDocument> Parsed { get; init; } = [];

    internal IReadOnlyList<IReadOnlyList<string>> SynonymGroups { get; init; } = [];

    internal string? SynonymsHash { get; init; }
}
