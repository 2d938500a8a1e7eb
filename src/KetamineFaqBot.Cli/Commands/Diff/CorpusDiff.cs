using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Retrieval.Versioning;

namespace KetamineFaqBot.Cli.Commands.Diff;

/// <summary>What would change in the live index if the corpus folder were indexed now.</summary>
public sealed record CorpusDiff(
    string LiveVersion,
    IReadOnlyList<DocumentChange> Documents,
    IReadOnlyList<FaqChange> FaqEntries)
{
    public bool HasChanges => Documents.Count > 0 || FaqEntries.Count > 0;

    /// <summary>Compares documents by id and content hash, FAQ entries by id, phrasings and answer.</summary>
    public static CorpusDiff Compare(IndexManifest live, IReadOnlyDictionary<string, Passage> livePassages, CorpusSnapshot corpus)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(livePassages);
        ArgumentNullException.ThrowIfNull(corpus);

        var before = live.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var after = corpus.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var documents = new List<DocumentChange>();
        documents.AddRange(after.Values.Where(d => !before.ContainsKey(d.Id)).Select(d => new DocumentChange(ChangeKind.Added, d.Id, d.Path)));
        documents.AddRange(before.Values.Where(d => !after.ContainsKey(d.Id)).Select(d => new DocumentChange(ChangeKind.Removed, d.Id, d.Path)));
        documents.AddRange(after.Values
            .Where(d => before.TryGetValue(d.Id, out var old) && !string.Equals(old.Hash, d.ContentHash, StringComparison.OrdinalIgnoreCase))
            .Select(d => new DocumentChange(ChangeKind.Changed, d.Id, d.Path)));

        var oldFaq = livePassages.Values.Where(p => p.Kind == PassageKind.Faq).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var newFaq = corpus.Passages.Where(p => p.Kind == PassageKind.Faq).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var faq = new List<FaqChange>();
        faq.AddRange(newFaq.Values.Where(p => !oldFaq.ContainsKey(p.Id)).Select(p => new FaqChange(ChangeKind.Added, p.Id, p.Section)));
        faq.AddRange(oldFaq.Values.Where(p => !newFaq.ContainsKey(p.Id)).Select(p => new FaqChange(ChangeKind.Removed, p.Id, p.Section)));
        faq.AddRange(newFaq.Values
            .Where(p => oldFaq.TryGetValue(p.Id, out var old) && (old.Text != p.Text || !old.Questions.SequenceEqual(p.Questions)))
            .Select(p => new FaqChange(ChangeKind.Changed, p.Id, p.Section)));

        return new CorpusDiff(
            live.Version,
            [.. documents.OrderBy(d => d.Kind).ThenBy(d => d.Id, StringComparer.Ordinal)],
            [.. faq.OrderBy(f => f.Kind).ThenBy(f => f.Id, StringComparer.Ordinal)]);
    }
}
