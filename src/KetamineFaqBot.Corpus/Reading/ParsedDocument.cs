using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Corpus.Reading;

/// <summary>What the reader learnt about one file, with lines, for the linter.</summary>
/// <param name="Document">The parsed document, or null when the file is structurally broken.</param>
internal sealed record ParsedDocument(string File, FrontMatter? FrontMatter, CorpusDocument? Document);
