namespace KetamineFaqBot.Corpus;

/// <summary>How a host loads the corpus (bound from configuration section "Corpus").</summary>
public sealed class CorpusLoadOptions
{
    public const string SectionName = "Corpus";

    /// <summary>Serve documents whose review date has passed (reported as warnings). For local work only.</summary>
    public bool AllowExpired { get; set; }
}
