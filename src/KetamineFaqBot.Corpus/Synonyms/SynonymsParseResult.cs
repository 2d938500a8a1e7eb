using KetamineFaqBot.Corpus.Linting;

namespace KetamineFaqBot.Corpus.Synonyms;

/// <summary>Valid synonym groups (lower case, trimmed, each with at least two distinct terms) and findings for the lines that were not.</summary>
public sealed record SynonymsParseResult(IReadOnlyList<IReadOnlyList<string>> Groups, IReadOnlyList<LintFinding> Findings);
