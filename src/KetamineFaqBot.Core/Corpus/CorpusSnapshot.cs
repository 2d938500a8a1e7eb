namespace KetamineFaqBot.Core.Corpus;

/// <summary>A whole corpus read at one moment: what the index is built from.</summary>
/// <param name="Documents">Parsed documents, ordered by path.</param>
/// <param name="Synonyms">Synonym groups; each group's terms are interchangeable (single words or phrases, lower case).</param>
/// <param name="ContentHash">SHA-256 (hex) over every document hash and the synonyms file.</param>
public sealed record CorpusSnapshot(IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<IReadOnlyList<string>> Synonyms, string ContentHash)
{
    public IEnumerable<Passage> Passages => Documents.SelectMany(d => d.Passages);
}
