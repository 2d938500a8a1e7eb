namespace KetamineFaqBot.Corpus.Reading;

/// <summary>A front-matter FAQ entry with file lines, kept for the linter.</summary>
internal sealed record FaqEntry(int Line, IReadOnlyList<FieldValue> Questions, string Answer);
