namespace KetamineFaqBot.Corpus.Reading;

/// <summary>Parsed front matter: scalar fields by name, and valid FAQ entries.</summary>
internal sealed record FrontMatter(IReadOnlyDictionary<string, FieldValue> Fields, IReadOnlyList<FaqEntry> Faq)
{
    public string? Get(string name) => Fields.TryGetValue(name, out var value) ? value.Value : null;

    public int LineOf(string name, int fallback) => Fields.TryGetValue(name, out var value) ? value.Line : fallback;
}
