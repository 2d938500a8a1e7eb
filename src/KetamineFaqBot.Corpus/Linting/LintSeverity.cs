namespace KetamineFaqBot.Corpus.Linting;

/// <summary>How serious a finding is. Errors fail <c>kfaq lint</c> and keep the affected document out of the served corpus.</summary>
public enum LintSeverity
{
    Warning,
    Error,
}
