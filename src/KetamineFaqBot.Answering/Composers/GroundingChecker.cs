using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Answering.Composers;

/// <summary>
/// Output checks on model text, run before anything is sent. A sentence survives only when it cites a passage
/// that was given, most of its content words appear in the passages it cites, and every number in it (dose,
/// percentage, year) appears in those passages too.
/// </summary>
public sealed class GroundingChecker(double minSupport)
{
    /// <summary>Checks <paramref name="modelText"/> against the passages given as [1]..[n].</summary>
    /// <returns>The surviving sentences, in the model's order, and how many were dropped.</returns>
    public GroundingResult Check(string? modelText, IReadOnlyList<Passage> given)
    {
        ArgumentNullException.ThrowIfNull(given);
        if (string.IsNullOrWhiteSpace(modelText))
        {
            return new GroundingResult([], 0);
        }

        var kept = new List<SupportedSentence>();
        var dropped = 0;
        foreach (var sentence in TextAnalysis.Sentences(modelText))
        {
            var supported = Supported(sentence, given);
            if (supported is null)
            {
                dropped++;
            }
            else
            {
                kept.Add(supported);
            }
        }

        return new GroundingResult(kept, dropped);
    }

    private SupportedSentence? Supported(string sentence, IReadOnlyList<Passage> given)
    {
        var markers = TextAnalysis.Markers(sentence).Distinct().ToList();

        // SAFETY: an uncited sentence, or one citing a passage that was never given, is not grounded.
        if (markers.Count == 0 || markers.Any(n => n < 1 || n > given.Count))
        {
            return null;
        }

        var cited = markers.Select(n => given[n - 1]).ToList();
        var citedText = string.Join("\n", cited.Select(p => $"{p.Title}\n{p.Section}\n{p.Text}"));
        var sentenceStems = TextAnalysis.Stems(sentence);
        if (sentenceStems.Count == 0)
        {
            return null;
        }

        var passageStems = TextAnalysis.Stems(citedText);
        var support = (double)sentenceStems.Count(passageStems.Contains) / sentenceStems.Count;
        if (support < minSupport)
        {
            return null;
        }

        // SAFETY: a dose, percentage or figure the cited passages do not state is never sent.
        var passageNumbers = TextAnalysis.Numbers(citedText).ToHashSet(StringComparer.Ordinal);
        if (TextAnalysis.Numbers(sentence).Any(n => !passageNumbers.Contains(n)))
        {
            return null;
        }

        return new SupportedSentence(sentence.Trim(), markers);
    }
}
