namespace KetamineFaqBot.Corpus.Reading;

/// <summary>One "##" section of a document body as plain text. <see cref="Heading"/> is null for text before the first "##".</summary>
internal sealed record MarkdownSection(string? Heading, int Line, string Text);
