namespace KetamineFaqBot.Corpus.Reading;

/// <summary>A front-matter scalar and the 1-based file line it is on.</summary>
internal sealed record FieldValue(string Value, int Line);
