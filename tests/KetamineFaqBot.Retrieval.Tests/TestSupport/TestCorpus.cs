using System.Security.Cryptography;
using System.Text;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Retrieval.Tests.TestSupport;

/// <summary>Builds small corpus snapshots in code, with content hashes that change whenever the content does.</summary>
public static class TestCorpus
{
    public static readonly IReadOnlyList<IReadOnlyList<string>> Synonyms =
    [
        ["ect", "electroconvulsive therapy", "electroshock"],
        ["addiction", "hooked", "dependence"],
        ["trd", "treatment-resistant depression"],
    ];

    public static Passage Section(string docId, string title, string heading, string text) =>
        new($"{docId}#{Slug(heading)}", docId, title, heading, "treatment", "patient", "Test source", PassageKind.Section, text, []);

    public static Passage Faq(string docId, string title, int number, string answer, params string[] questions) =>
        new($"{docId}#faq-{number}", docId, title, questions[0], "treatment", "patient", "Test source", PassageKind.Faq, answer, questions);

    public static CorpusDocument Document(string id, string title, params Passage[] passages) => Document(id, title, (IReadOnlyList<Passage>)passages);

    /// <param name="contentHash">Given explicitly for passage lists that must not be enumerated up front.</param>
    public static CorpusDocument Document(string id, string title, IReadOnlyList<Passage> passages, string? contentHash = null)
    {
        contentHash ??= Hash(id + "\n" + title + "\n" + string.Join("\n", passages.Select(p => p.Id + "|" + p.Text + "|" + string.Join("|", p.Questions))));
        return new CorpusDocument(
            id, $"{id}.md", title, "treatment", "patient", "Summary", "Test source",
            new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), contentHash, passages);
    }

    public static CorpusSnapshot Snapshot(params CorpusDocument[] documents) => Snapshot(Synonyms, documents);

    public static CorpusSnapshot Snapshot(IReadOnlyList<IReadOnlyList<string>> synonyms, params CorpusDocument[] documents)
    {
        var ordered = documents.OrderBy(d => d.Path, StringComparer.Ordinal).ToArray();
        var all = string.Join("\n", ordered.Select(d => d.ContentHash)) + "\n" + string.Join(";", synonyms.Select(g => string.Join(",", g)));
        return new CorpusSnapshot(ordered, synonyms, Hash(all));
    }

    /// <summary>A corpus with a FAQ, look-alike sections, and the words the synonym and stemming tests need.</summary>
    public static CorpusSnapshot Standard() => Snapshot(StandardDocuments());

    public static CorpusDocument[] StandardDocuments()
    {
        const string Safety = "Safety of ketamine treatment";
        const string Options = "Treatment options";
        return
        [
            Document(
                "safety",
                Safety,
                Section("safety", Safety, "Risk of misuse", "Repeated recreational use can lead to addiction. In the clinic every dose is supervised."),
                Section("safety", Safety, "Side effects", "Most people feel dissociation, nausea or raised blood pressure for an hour or two."),
                Faq("safety", Safety, 1, "Used under medical supervision the risk is low; the clinic monitors every session.",
                    "Is ketamine addictive?", "Can I become addicted to ketamine?")),
            Document(
                "options",
                Options,
                Section("options", Options, "Compared with ECT", "ECT remains an option when medicines fail, and it needs anaesthesia."),
                Section("options", Options, "Who is eligible", "Clinics offer ketamine to adults with TRD after two antidepressants did not help."),
                Section("options", Options, "Nasal spray", "Esketamine is a nasal spray for treatment-resistant depression, given at a certified centre.")),
        ];
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Slug(string heading) => string.Join("-", heading.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
