using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Answering.Composers;

/// <summary>
/// Follow-up suggestions: the first phrasing of related vetted FAQ entries (other FAQ hits, then FAQ entries
/// on the same topic), never the question just asked.
/// </summary>
public static class SuggestionBuilder
{
    private const int MaxSuggestions = 3;

    // Phrasings this close to the question (shared content stems) count as the same question.
    private const double SameQuestionOverlap = 0.75;

    public static IReadOnlyList<string> Build(
        string question,
        ComposedAnswer composed,
        IReadOnlyList<SearchHit> hits,
        IReadOnlyDictionary<string, Passage> allPassages)
    {
        ArgumentNullException.ThrowIfNull(composed);
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(allPassages);

        var asked = TextAnalysis.Stems(question);
        var askedCanonical = TextAnalysis.Canonical(question);
        var answeredFaq = composed.Composer == FaqComposer.Name ? composed.Cited[0].Id : null;
        var topTopic = hits.Count > 0 ? hits[0].Passage.Topic : composed.Cited.Count > 0 ? composed.Cited[0].Topic : null;

        var related = hits.Select(h => h.Passage).Where(p => p.Kind == PassageKind.Faq)
            .Concat(allPassages.Values.Where(p => p.Kind == PassageKind.Faq && p.Topic == topTopic).OrderBy(p => p.Id, StringComparer.Ordinal));

        var suggestions = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { askedCanonical };
        foreach (var passage in related)
        {
            if (suggestions.Count == MaxSuggestions)
            {
                break;
            }

            if (passage.Id == answeredFaq || passage.Questions.Count == 0
                || PassageAnalysis.Of(passage).Questions.Any(q => IsSameQuestion(q, askedCanonical, asked)))
            {
                continue;
            }

            // Canonical ignores surrounding spaces, so the phrasing's cached form is the trimmed suggestion's.
            var suggestion = passage.Questions[0].Trim();
            if (seen.Add(PassageAnalysis.Of(passage).Questions[0].Canonical))
            {
                suggestions.Add(suggestion);
            }
        }

        return suggestions;
    }

    private static bool IsSameQuestion(PassageAnalysis.Phrasing phrasing, string askedCanonical, HashSet<string> askedStems)
    {
        if (phrasing.Canonical == askedCanonical)
        {
            return true;
        }

        var stems = phrasing.Stems;
        if (stems.Count == 0 || askedStems.Count == 0)
        {
            return false;
        }

        var shared = stems.Count(askedStems.Contains);
        return (double)shared / Math.Max(stems.Count, askedStems.Count) >= SameQuestionOverlap;
    }
}
