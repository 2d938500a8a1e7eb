using System.Text;
using System.Text.RegularExpressions;

namespace KetamineFaqBot.Answering.Text;

/// <summary>
/// The small amount of English text handling the composers and checks need: content terms, light stemming,
/// sentence splitting and citation markers. Deliberately simple and deterministic.
/// </summary>
internal static partial class TextAnalysis
{
    // Function words that carry no topic. Linguistic data, not product text, so it lives here rather than in prompts/.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "during", "each", "else", "for", "from", "further", "get", "gets", "got", "had", "has", "have",
        "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "of",
        "off", "on", "once", "one", "ones", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
        "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
        "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "would", "you", "your", "yours", "yourself", "s", "t", "don", "doesn", "isn", "aren", "ll", "re", "ve",
        "d", "m", "tell", "please", "know", "thing", "things", "really", "many", "way", "let", "lets",
    };

    private static readonly System.Buffers.SearchValues<char> Vowels = System.Buffers.SearchValues.Create("aeiouy");

    /// <summary>Lower-cased words of <paramref name="text"/> (letters and digits), in order.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        foreach (Match match in WordPattern().Matches(text))
        {
            words.Add(match.Value.ToLowerInvariant());
        }

        return words;
    }

    /// <summary>Words that carry meaning (stop words removed), in order, duplicates kept.</summary>
    public static IReadOnlyList<string> ContentTerms(string text) =>
        Words(CitationMarker().Replace(text, " ")).Where(IsContentWord).ToList();

    /// <summary>Distinct stems of the content terms.</summary>
    public static HashSet<string> Stems(string text) =>
        ContentTerms(text).Select(Stem).ToHashSet(StringComparer.Ordinal);

    public static bool IsContentWord(string word) =>
        !StopWords.Contains(word) && (word.Length > 1 || char.IsDigit(word[0]));

    /// <summary>Porter-ish suffix stripping: enough to match "effects"/"effect", "costs"/"cost", "treated"/"treating".</summary>
    public static string Stem(string word)
    {
        var w = word;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.Length > 6 && w.EndsWith("ness", StringComparison.Ordinal))
        {
            w = w[..^4];
        }
        // Porter's condition: the part left must hold a vowel ("using" → "us", "used" → "us", but "bring", "bed" stay).
        else if (w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal) && HasVowel(w.AsSpan(0, w.Length - 3)))
        {
            w = w[..^3];
        }
        else if (w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal) && HasVowel(w.AsSpan(0, w.Length - 2)))
        {
            w = w[..^2];
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)
            && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        // "effective"/"effect", "addictive"/"addict": fold the adjective ending so the family matches.
        if (w.Length > 6 && w.EndsWith("ive", StringComparison.Ordinal))
        {
            w = w[..^3];
        }

        if (w.Length > 5 && w.EndsWith("ion", StringComparison.Ordinal))
        {
            w = w[..^3];
        }

        // "use"/"used"/"using" and "take"/"taking" meet at the same stem.
        if (w.Length > 2 && w.EndsWith('e'))
        {
            w = w[..^1];
        }

        return w;
    }

    private static bool HasVowel(ReadOnlySpan<char> part) => part.IndexOfAny(Vowels) >= 0;

    /// <summary>Splits text into sentences; list bullets and line breaks also end a sentence. Markers stay with their sentence.</summary>
    public static IReadOnlyList<string> Sentences(string text) => Core.Corpus.PassageSentences.Split(text);

    public static int WordCount(string text) => Words(CitationMarker().Replace(text, " ")).Count;

    /// <summary>Numbers written in digits (doses, percentages, years), normalised: "1,000" → "1000".</summary>
    public static IReadOnlyList<string> Numbers(string text) =>
        NumberPattern().Matches(CitationMarker().Replace(text, " "))
            .Select(m => m.Value.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('.'))
            .ToList();

    /// <summary>The n of every [n] (also [n, m] and [n][m]) marker in the text.</summary>
    public static IReadOnlyList<int> Markers(string text)
    {
        var positions = new List<int>();
        foreach (Match match in CitationMarker().Matches(text))
        {
            foreach (var piece in match.Groups[1].Value.Split(','))
            {
                if (int.TryParse(piece.Trim(), out var n))
                {
                    positions.Add(n);
                }
            }
        }

        return positions;
    }

    /// <summary>Rewrites every marker number through <paramref name="map"/> (used to renumber citations).</summary>
    public static string RenumberMarkers(string text, IReadOnlyDictionary<int, int> map) =>
        CitationMarker().Replace(text, match =>
        {
            var numbers = match.Groups[1].Value.Split(',')
                .Select(p => int.TryParse(p.Trim(), out var n) && map.TryGetValue(n, out var mapped) ? mapped : 0)
                .Where(n => n > 0)
                .Distinct()
                .Select(n => $"[{n}]");
            return string.Concat(numbers);
        });

    /// <summary>Lower case, letters and digits only, single spaces: for "is this the same question" checks.</summary>
    public static string Canonical(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var word in Words(text))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(word);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\[(\d+(?:\s*,\s*\d+)*)\]")]
    public static partial Regex CitationMarker();


    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex NumberPattern();
}
