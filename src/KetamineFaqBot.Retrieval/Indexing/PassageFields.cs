namespace KetamineFaqBot.Retrieval.Indexing;

/// <summary>Lucene field names and their query-time boosts.</summary>
internal static class PassageFields
{
    public const string Id = "id";
    public const string DocId = "docId";
    public const string Kind = "kind";
    public const string Title = "title";
    public const string Heading = "heading";
    public const string Questions = "questions";
    public const string Body = "body";

    /// <summary>
    /// A match on a vetted FAQ phrasing says most about intent, then a heading, then the document title; body
    /// text is the baseline.
    /// </summary>
    public static readonly (string Field, float Boost)[] Searched =
    [
        (Questions, 3f),
        (Heading, 2f),
        (Title, 1.5f),
        (Body, 1f),
    ];
}
