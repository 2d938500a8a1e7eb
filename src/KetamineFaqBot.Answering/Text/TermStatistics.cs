using System.Runtime.CompilerServices;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Answering.Text;

/// <summary>
/// How many passages of the live corpus contain each stem: rare words ("female", "tolerance") say more about what a
/// question is after than words found everywhere ("ketamine", "depression"). Computed once per index version.
/// </summary>
public sealed class TermStatistics
{
    private static readonly ConditionalWeakTable<IReadOnlyDictionary<string, Passage>, TermStatistics> Cache = [];

    private readonly Dictionary<string, int> frequency;
    private readonly int passageCount;
    private readonly Lazy<Dictionary<string, List<string>>> slipIndex;

    private TermStatistics(IReadOnlyDictionary<string, Passage> passages)
    {
        passageCount = passages.Count;
        frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var passage in passages.Values)
        {
            foreach (var stem in TextAnalysis.Stems(Describe(passage)))
            {
                frequency[stem] = frequency.GetValueOrDefault(stem) + 1;
            }
        }

        slipIndex = new Lazy<Dictionary<string, List<string>>>(BuildSlipIndex);
    }

    public static TermStatistics For(IReadOnlyDictionary<string, Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        return Cache.GetValue(passages, p => new TermStatistics(p));
    }

    /// <summary>Title, section, FAQ phrasings and text: everything a passage is found by.</summary>
    public static string Describe(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return $"{passage.Title}\n{passage.Section}\n{string.Join("\n", passage.Questions)}\n{passage.Text}";
    }

    /// <summary>True when some passage contains the stem.</summary>
    public bool IsKnown(string stem) => frequency.ContainsKey(stem);

    /// <summary>
    /// The known stem one typing slip away from an unknown <paramref name="stem"/> (a letter missing, extra, wrong or
    /// two letters swapped: "treatmnt" → "treatment"), or null. Only for stems of at least
    /// <see cref="MinTypoLength"/> letters, where one slip rarely turns one real word into another; the first in
    /// ordinal order wins when several are one slip away, so the outcome is deterministic.
    /// </summary>
    public string? KnownWithinOneSlip(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        if (stem.Length < MinTypoLength || frequency.ContainsKey(stem))
        {
            return null;
        }

        // Symmetric deletes: one slip between two words leaves them sharing the word itself or a one-letter deletion
        // of each (a swap of neighbours too: delete one of the pair on each side), so only the stems filed under the
        // typed word's deletions are compared, not the whole vocabulary.
        string? best = null;
        var index = slipIndex.Value;
        for (var i = -1; i < stem.Length; i++)
        {
            var key = i < 0 ? stem : stem.Remove(i, 1);
            if (!index.TryGetValue(key, out var candidates))
            {
                continue;
            }

            foreach (var known in candidates)
            {
                if (IsOneSlip(stem, known) && (best is null || string.CompareOrdinal(known, best) < 0))
                {
                    best = known;
                }
            }
        }

        return best;
    }

    private Dictionary<string, List<string>> BuildSlipIndex()
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var known in frequency.Keys.Where(k => k.Length >= MinTypoLength))
        {
            for (var i = -1; i < known.Length; i++)
            {
                var key = i < 0 ? known : known.Remove(i, 1);
                if (!index.TryGetValue(key, out var stems))
                {
                    index[key] = stems = [];
                }

                if (stems.Count == 0 || !ReferenceEquals(stems[^1], known))
                {
                    stems.Add(known);
                }
            }
        }

        return index;
    }

    /// <summary>Shortest stem <see cref="KnownWithinOneSlip"/> corrects.</summary>
    public const int MinTypoLength = 6;

    // One insertion, deletion, substitution or transposition of neighbours turns a into b.
    private static bool IsOneSlip(string a, string b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (a.Length == b.Length)
        {
            if (prefix == a.Length)
            {
                return false;
            }

            if (a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1)))
            {
                return true;
            }

            return prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2));
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        return shorter.AsSpan(prefix).SequenceEqual(longer.AsSpan(prefix + 1));
    }

    /// <summary>True when the stem is in at least <paramref name="share"/> of all passages.</summary>
    public bool IsCommon(string stem, double share) =>
        frequency.GetValueOrDefault(stem) >= Math.Max(2, passageCount * share);

    /// <summary>
    /// Inverse document frequency of a stem: near zero for words in every passage, highest for rare ones. The small
    /// floor keeps common words as tie-breakers.
    /// </summary>
    public double Weight(string stem) => Math.Log((passageCount + 1.0) / (frequency.GetValueOrDefault(stem) + 1.0)) + 0.1;
}
