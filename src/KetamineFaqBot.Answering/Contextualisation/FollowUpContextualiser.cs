using KetamineFaqBot.Answering.Text;

namespace KetamineFaqBot.Answering.Contextualisation;

/// <summary>
/// Turns a follow-up ("and the cost?", "which one worked better?") into a standalone query using the previous
/// answered query. Deterministic: the same two inputs always give the same query.
/// </summary>
public static class FollowUpContextualiser
{
    // Openings that switch to another aspect of the same subject ("and the cost?").
    private static readonly string[] AspectLeads = ["and ", "what about ", "how about ", "also ", "but ", "same for ", "what else "];

    // "which" opens a refinement ("which one worked better?", "which is cheaper?"); other refinements are caught by
    // their pointing words ("does it hurt?"). "How much does ketamine cost?" carries its own subject and stays standalone.
    private static readonly string[] RefineLeads = ["which "];

    // Words pointing back at the previous turn.
    private static readonly HashSet<string> Anaphors = new(StringComparer.Ordinal)
    {
        "it", "its", "they", "them", "their", "that", "this", "those", "these", "one", "ones", "same",
    };

    // Aspects a question can ask about; an aspect follow-up replaces the previous aspect instead of adding to it.
    private static readonly HashSet<string> AspectStems = new[]
    {
        "benefit", "risk", "side", "effect", "cost", "price", "insurance", "pay", "afford", "expens", "dose", "dosage",
        "safe", "safety", "danger", "addict", "addiction", "work", "effective", "effectiveness", "last", "long",
        "duration", "access", "legal", "legality", "trial", "study", "research", "mechanism", "history", "use",
        "spray", "infusion", "drawback", "downside", "disadvantage", "advantage", "pros", "cons", "precaution",
        "monitor", "screening", "clinic", "provider", "data",
    }.Select(TextAnalysis.Stem).ToHashSet(StringComparer.Ordinal);

    // Question words that name an aspect by themselves ("and where would I go?" asks for a place, "and who gives
    // it?" for a provider). They are stop words for the composers, so a follow-up keeps them in its query.
    private static readonly HashSet<string> AspectQuestionWords = new(StringComparer.Ordinal) { "where", "who" };

    // Acknowledgements people put before a follow-up ("ok and the cost?", "thanks, what about side effects?").
    private static readonly HashSet<string> Interjections = new(StringComparer.Ordinal)
    {
        "ok", "okay", "k", "so", "right", "alright", "cool", "thanks", "thank", "you", "thx", "great", "hmm", "um",
        "oh", "ah", "got", "it", "i", "see", "sure", "yes", "yeah", "no", "fine", "interesting", "wow",
    };

    private const int MaxShortWords = 8;
    private const int MaxLeadWords = 25;

    /// <summary>
    /// A follow-up opens with an aspect switch ("and …", "what about …", up to 25 words), or is short (≤ 8 words) and
    /// opens with "which" or points back at the previous turn ("it", "they", "that one"). A short message with none of
    /// these ("what's the weather?") is not one: the brief's plain "≤ 8 words" would rescue it from out_of_scope.
    /// </summary>
    public static bool IsFollowUp(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = TextAnalysis.Words(text);
        if (words.Count == 0)
        {
            return false;
        }

        var lowered = string.Join(' ', words) + " ";
        if (words.Count <= MaxLeadWords && AspectLeads.Any(WithoutInterjections(words).StartsWith))
        {
            return true;
        }

        return words.Count <= MaxShortWords && (RefineLeads.Any(lowered.StartsWith) || words.Any(Anaphors.Contains));
    }

    /// <summary>
    /// A message too long to be taken for a follow-up at once that still points back at what was asked before with a
    /// bare "that"/"this" or with "those", "these", "them" ("do they keep an eye on that during the session?" after a
    /// side-effects question): worth trying against the previous question when the corpus does not answer it alone.
    /// </summary>
    public static bool PointsBack(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = TextAnalysis.Words(text);
        return words.Count is > 0 and <= MaxLeadWords
            && (PointsBackAtAspect(words) || words.Any(w => w is "those" or "these" or "them"));
    }

    /// <summary>Combines a follow-up with the previous standalone query.</summary>
    public static string Contextualise(string followUp, string previousQuery)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(previousQuery);

        var followTerms = TextAnalysis.ContentTerms(followUp);
        var previousTerms = TextAnalysis.ContentTerms(previousQuery);
        var words = TextAnalysis.Words(followUp);
        var lowered = WithoutInterjections(words);
        var followStems = followTerms.Select(TextAnalysis.Stem).ToHashSet(StringComparer.Ordinal);
        var questionWords = words.Where(AspectQuestionWords.Contains).Distinct(StringComparer.Ordinal).ToList();
        // "and what do clinics do to stop that from happening?" names the previous aspect with a bare "that": it asks
        // about the same aspect, so the previous aspect stays in the query.
        var switchesAspect = AspectLeads.Any(lowered.StartsWith)
            && (followStems.Any(AspectStems.Contains) || questionWords.Count > 0)
            && !PointsBackAtAspect(words);
        if (switchesAspect)
        {
            followTerms = [.. questionWords, .. followTerms];
        }

        IEnumerable<string> combined = switchesAspect
            // "and the cost?" after "benefits of ketamine for depression" → "cost ketamine depression".
            ? followTerms.Concat(previousTerms.Where(t => !AspectStems.Contains(TextAnalysis.Stem(t))))
            // "which one worked better?" after an ECT question → the ECT question plus the refinement.
            : previousTerms.Concat(followTerms);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return string.Join(' ', combined.Where(t => seen.Add(TextAnalysis.Stem(t))));
    }

    /// <summary>
    /// True when "that" or "this" stands alone for what was asked before ("to stop that from happening", "how common
    /// is that"), rather than leading a noun or verb of its own ("is that covered", "that cost").
    /// </summary>
    private static bool PointsBackAtAspect(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is "that" or "this" && (i == words.Count - 1 || !TextAnalysis.IsContentWord(words[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words from the first one that is not an acknowledgement, joined, with a trailing space.</summary>
    private static string WithoutInterjections(IReadOnlyList<string> words)
    {
        var start = 0;
        while (start < words.Count - 1 && Interjections.Contains(words[start]))
        {
            start++;
        }

        return string.Join(' ', words.Skip(start)) + " ";
    }
}
