using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace KetamineFaqBot.Storage.Redaction;

/// <summary>
/// The name a user gives when introducing themselves: "my name is jane doe", "call me Jane", "I'm Jane Doe",
/// "I am Jane". After "my name is" / "call me" the next words are a name whatever their case; after "I'm" / "I am"
/// only a capitalised word is ("I'm worried" stays), and words that commonly follow "I'm" are never taken for one.
/// </summary>
internal static partial class NameIntroduction
{
    private const int MaxNameWords = 3;

    /// <summary>Words that end a name, or that follow "I'm" without being one.</summary>
    private static readonly FrozenSet<string> NotNames = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "but", "so", "not", "no", "yes", "also", "just", "very", "really", "still", "now",
        "i", "im", "i'm", "me", "my", "mine", "we", "you", "he", "she", "they", "it", "this", "that", "here", "there",
        "is", "am", "are", "was", "were", "be", "been", "have", "has", "had", "do", "does", "did", "will", "would",
        "can", "could", "should", "may", "might", "must", "on", "in", "at", "of", "to", "for", "from", "with", "by",
        "about", "after", "before", "since", "currently", "taking", "getting", "going", "having", "being", "trying",
        "worried", "scared", "afraid", "nervous", "anxious", "curious", "wondering", "interested", "thinking", "feeling",
        "pregnant", "depressed", "sorry", "sure", "new", "ok", "okay", "fine", "good", "well", "sick", "tired", "over",
        "under", "ready", "calling", "asking", "writing", "looking", "reading", "booked", "scheduled", "due", "told",
        "ketamine", "spravato", "esketamine", "what", "why", "how", "when", "where", "who", "which", "if", "then",
        "hi", "hello", "hey", "thanks", "please", "male", "female", "age", "years", "old",
    ], StringComparer.OrdinalIgnoreCase);

    public static string Redact(string text)
    {
        var matches = CuePattern().Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        foreach (Match cue in matches)
        {
            var start = cue.Index + cue.Length;
            if (start < copied)
            {
                continue;
            }

            var anyCase = cue.Groups["named"].Success;
            var end = NameEnd(text, start, anyCase);
            if (end == start)
            {
                continue;
            }

            result.Append(text, copied, start - copied).Append(TextRedactor.Name);
            copied = end;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Where the name starting at <paramref name="start"/> ends; <paramref name="start"/> when there is none.</summary>
    private static int NameEnd(string text, int start, bool anyCase)
    {
        var end = start;
        var position = start;
        for (var words = 0; words < MaxNameWords; words++)
        {
            var word = WordPattern().Match(text, position);
            if (!word.Success || word.Index != position || NotNames.Contains(word.Value))
            {
                break;
            }

            // After the first word only capitalised words continue a name, unless the cue said outright it is one.
            var capitalised = char.IsUpper(word.Value[0]);
            if (!capitalised && (!anyCase || words > 1))
            {
                break;
            }

            end = word.Index + word.Length;
            var gap = GapPattern().Match(text, end);
            if (!gap.Success || gap.Index != end)
            {
                break;
            }

            position = end + gap.Length;
        }

        return end;
    }

    [GeneratedRegex(@"\b(?:(?<named>(?i:my\s+name\s+is|my\s+name's|name's|call\s+me|they\s+call\s+me))|(?i:i'm|i’m|i\s+am))\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2_000)]
    private static partial Regex CuePattern();

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2_000)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[ \t]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2_000)]
    private static partial Regex GapPattern();
}
