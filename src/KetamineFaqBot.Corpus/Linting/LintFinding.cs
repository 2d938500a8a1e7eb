namespace KetamineFaqBot.Corpus.Linting;

/// <summary>One problem found in the corpus.</summary>
/// <param name="File">Path of the file (the corpus folder joined with the relative path), or the folder itself for folder-level findings.</param>
/// <param name="Line">1-based line in <paramref name="File"/>; 0 when the finding is about the whole file or folder.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Rule">Stable rule id from <see cref="LintRules"/>.</param>
/// <param name="Message">What is wrong and how to fix it. Never contains anything but corpus content.</param>
public sealed record LintFinding(string File, int Line, LintSeverity Severity, string Rule, string Message)
{
    /// <summary>Wire name of the severity: "error" or "warning".</summary>
    public string SeverityName => Severity == LintSeverity.Error ? "error" : "warning";
}
