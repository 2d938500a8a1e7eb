using System.Text.RegularExpressions;

namespace KetamineFaqBot.Core.Corpus;

/// <summary>
/// How a passage's text splits into sentences, in one place: the extractive composer quotes these sentences and the
/// semantic layer builds one vector per sentence, so both must split alike.
/// </summary>
public static partial class PassageSentences
{
    /// <summary>Splits text into sentences; list bullets and line breaks also end a sentence. Markers stay with their sentence.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = BulletPrefix().Replace(rawLine.Trim(), string.Empty);
            if (line.Length == 0)
            {
                continue;
            }

            foreach (var part in SentenceBoundary().Split(line))
            {
                var sentence = part.Trim();
                if (sentence.Length > 0)
                {
                    sentences.Add(sentence);
                }
            }
        }

        return sentences;
    }

    [GeneratedRegex(@"(?<=[.!?][""')]*(?:\s*\[\d+(?:\s*,\s*\d+)*\])*)\s+(?=[\p{Lu}\p{N}""'(])")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"^(?:[-*•]|\d+[.)])\s+")]
    private static partial Regex BulletPrefix();
}
