namespace KetamineFaqBot.Core.Corpus;

/// <summary>One Markdown file of the corpus after parsing.</summary>
/// <param name="Path">Path relative to the corpus folder.</param>
/// <param name="ContentHash">SHA-256 (hex) of the file bytes.</param>
public sealed record CorpusDocument(
    string Id,
    string Path,
    string Title,
    string Topic,
    string Audience,
    string Summary,
    string Source,
    DateOnly ReviewedOn,
    DateOnly ReviewDue,
    string ContentHash,
    IReadOnlyList<Passage> Passages);
