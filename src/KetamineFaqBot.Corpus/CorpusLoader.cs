using KetamineFaqBot.Corpus.Linting;
using KetamineFaqBot.Corpus.Reading;

namespace KetamineFaqBot.Corpus;

/// <summary>One call for hosts (bot, kfaq): read the folder, lint it, and keep only servable documents.</summary>
public static class CorpusLoader
{
    /// <param name="folder">Corpus folder (holding *.md and synonyms.txt).</param>
    /// <param name="options">Load options.</param>
    /// <param name="timeProvider">Clock for review dates; the system clock when null.</param>
    public static CorpusLoadResult Load(string folder, CorpusLoadOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        var read = CorpusReader.Read(folder);
        var findings = new CorpusLinter(timeProvider ?? TimeProvider.System).Lint(read, options.AllowExpired);

        // SAFETY: a document with any error (expired review, unknown topic, duplicate id, broken FAQ, ...) is never
        // served; the rest of the corpus still is, and the findings tell the owner what to fix.
        var filesWithErrors = findings.Where(f => f.Severity == LintSeverity.Error).Select(f => f.File).ToHashSet(StringComparer.Ordinal);
        var servable = read.Parsed
            .Where(p => p.Document is not null && !filesWithErrors.Contains(p.File))
            .Select(p => p.Document!);
        var snapshot = SnapshotBuilder.Build(servable, read.SynonymGroups, read.SynonymsHash);
        return new CorpusLoadResult(snapshot, findings);
    }
}
