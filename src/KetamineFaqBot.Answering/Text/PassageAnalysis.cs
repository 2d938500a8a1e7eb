using System.Runtime.CompilerServices;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Answering.Text;

/// <summary>
/// The text analysis of one passage, computed once and kept as long as the passage (one index version). Passages
/// are immutable, so every answer about them can reuse it: the gate, the composers and the suggestions used to
/// re-split and re-stem the same top passages for every question.
/// </summary>
/// <remarks>
/// The sets are built exactly as before (same words, same order), so anything that iterates them (the composers'
/// weighted sums) gives the same result. Callers must not modify them.
/// </remarks>
internal sealed class PassageAnalysis
{
    private static readonly ConditionalWeakTable<Passage, PassageAnalysis> Cache = [];

    private readonly Passage passage;
    private HashSet<string>? descriptionStems;
    private Sentence[]? sentences;
    private HashSet<string>? faqStems;
    private Phrasing[]? questions;

    private PassageAnalysis(Passage passage) => this.passage = passage;

    public static PassageAnalysis Of(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return Cache.GetValue(passage, static p => new PassageAnalysis(p));
    }

    /// <summary>Stems of title, section, FAQ phrasings and text (<see cref="TermStatistics.Describe"/>).</summary>
    public HashSet<string> DescriptionStems => descriptionStems ??= TextAnalysis.Stems(TermStatistics.Describe(passage));

    /// <summary>The passage text's sentences with their stems and word counts.</summary>
    public IReadOnlyList<Sentence> Sentences => sentences ??=
        [.. TextAnalysis.Sentences(passage.Text).Select(s => new Sentence(s, TextAnalysis.Stems(s), TextAnalysis.WordCount(s)))];

    /// <summary>Stems of an FAQ entry's phrasings and answer.</summary>
    public HashSet<string> FaqStems => faqStems ??= TextAnalysis.Stems($"{string.Join("\n", passage.Questions)}\n{passage.Text}");

    /// <summary>Each FAQ phrasing's canonical form and stems.</summary>
    public IReadOnlyList<Phrasing> Questions => questions ??=
        [.. passage.Questions.Select(q => new Phrasing(q, TextAnalysis.Canonical(q), TextAnalysis.Stems(q)))];

    internal sealed record Sentence(string Text, HashSet<string> Stems, int Words);

    internal sealed record Phrasing(string Text, string Canonical, HashSet<string> Stems);
}
