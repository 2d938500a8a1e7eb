using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Corpus.Linting;

namespace KetamineFaqBot.Corpus;

/// <summary>A corpus ready to index and everything the linter found.</summary>
/// <param name="Snapshot">Documents without any error finding, plus synonyms; null when none is left.</param>
/// <param name="Findings">All findings, ordered by file and line.</param>
public sealed record CorpusLoadResult(CorpusSnapshot? Snapshot, IReadOnlyList<LintFinding> Findings)
{
    public int ErrorCount => Findings.Count(f => f.Severity == LintSeverity.Error);

    public int WarningCount => Findings.Count(f => f.Severity == LintSeverity.Warning);
}
