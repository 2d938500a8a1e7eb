namespace KetamineFaqBot.Core.Corpus;

/// <summary>The unit of retrieval: one section of a document, or one FAQ entry.</summary>
/// <param name="Id">Stable id: "{docId}#{section-slug}" for sections, "{docId}#faq-{n}" for FAQ entries.</param>
/// <param name="DocId">The document's front-matter id.</param>
/// <param name="Title">Document title.</param>
/// <param name="Section">Section heading (for FAQ entries: the first phrasing).</param>
/// <param name="Topic">Front-matter topic.</param>
/// <param name="Audience">patient | staff | both.</param>
/// <param name="Source">Where the facts come from.</param>
/// <param name="Text">Plain text of the section, or the FAQ's vetted answer.</param>
/// <param name="Questions">FAQ phrasings (empty for sections).</param>
/// <param name="ReviewedOn">The document's clinical review date; null in an index built before passages carried it
/// (an optional field, so index versions of either age stay readable without a format change).</param>
public sealed record Passage(
    string Id,
    string DocId,
    string Title,
    string Section,
    string Topic,
    string Audience,
    string Source,
    PassageKind Kind,
    string Text,
    IReadOnlyList<string> Questions,
    DateOnly? ReviewedOn = null);
