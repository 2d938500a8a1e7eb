using System.Text.RegularExpressions;
using KetamineFaqBot.Answering.Contextualisation;
using KetamineFaqBot.Answering.Text;

namespace KetamineFaqBot.Answering.Composers;

/// <summary>
/// The embedded default: the best 1–3 sentences of the top passages, quoted as written and each cited.
/// Nothing is paraphrased, so nothing can be invented.
/// </summary>
/// <remarks>
/// Sentences are chosen by how well they fit the question: the weighted overlap of its informative words (as a share
/// of the best overlap among the candidates) plus, when the version has a semantic layer, the sentence's cosine to the
/// question, so that the sentence holding the fact in other words can lead. Uninformative words of the question
/// ("used", "someone": prompts/query-focus.yaml) do not pick sentences.
/// A question that asks why ("why do they space the sessions out?") also gets the sentence that follows the best one
/// in its passage: the corpus states a practice and then its reason ("Spacing them out lowers the risk of tolerance"),
/// and the reason shares no word with the question. It takes the place of the weakest other sentence when the answer
/// would be too long.
/// </remarks>
public sealed class ExtractiveComposer(AnsweringOptions options, QueryFocus? focus = null)
{
    private readonly QueryFocus wordFilter = focus ?? QueryFocus.Empty;

    public const string Name = "extractive";

    /// <summary>Passages an answer may quote from.</summary>
    public const int MaxPassages = 3;
    private const int MaxSentences = 3;

    // A lower-ranked passage only contributes when it is a reasonable match, not just the next hit.
    private const double RelativeScoreFloor = 0.5;

    // How far ahead of the second hit the top hit must be to lead the answer whatever its sentences' word overlap.
    private const double LeadDominance = 1.25;

    // A sentence no word of the question finds is quoted only when it is this close in meaning to the question.
    private const double MeaningFloor = 0.6;

    // How much a sentence's cosine to the question counts against its share of the best word overlap.
    private const double MeaningWeight = 0.5;

    // A question asking for a reason.
    private static readonly Regex ReasonQuestion = new(
        @"\b(?:why|whys|y\s+(?:do|does|did|is|are|would|wouldn'?t|dont|don'?t|cant|can'?t)|how\s+come|what(?:'?s|\s+is)\s+the\s+(?:reason|point|logic)|for\s+what\s+reason)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public ComposedAnswer Compose(ComposeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Hits.Count == 0)
        {
            throw new ArgumentException("The extractive composer needs at least one hit.", nameof(request));
        }

        var informative = TextAnalysis.ContentTerms(request.Query).Where(t => !wordFilter.IsUninformative(t)).ToList();
        var queryStems = informative.Count > 0
            ? informative.Select(TextAnalysis.Stem).ToHashSet(StringComparer.Ordinal)
            : TextAnalysis.Stems(request.Query);
        var topScore = request.Hits[0].Score;
        var passages = request.Hits.Take(MaxPassages)
            .Where((h, rank) => rank == 0 || h.Score >= topScore * RelativeScoreFloor)
            .Select(h => h.Passage)
            .ToList();

        var scored = new List<(int Rank, int Index, PassageAnalysis.Sentence Sentence, double Overlap, double Cosine)>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var sentences = PassageAnalysis.Of(passages[rank]).Sentences;
            var cosines = request.SentenceCosines?.GetValueOrDefault(passages[rank].Id);
            for (var index = 0; index < sentences.Count; index++)
            {
                var overlap = sentences[index].Stems.Where(queryStems.Contains).Sum(stem => request.Statistics?.Weight(stem) ?? 1.0);
                var cosine = cosines is not null && cosines.Count == sentences.Count ? cosines[index] : 0.0;
                scored.Add((rank, index, sentences[index], overlap, cosine));
            }
        }

        // Without a semantic layer every cosine is 0 and the fit orders sentences exactly as their overlap does.
        var bestOverlap = scored.Select(s => s.Overlap).DefaultIfEmpty(0).Max();
        var candidates = scored
            .Select(s => new Candidate(s.Rank, s.Index, s.Sentence.Text, s.Sentence.Stems, s.Overlap, s.Sentence.Words, s.Cosine,
                (bestOverlap > 0 ? s.Overlap / bestOverlap : 0) + (MeaningWeight * s.Cosine)))
            .ToList();

        // A clearly winning top passage leads: retrieval ranked it first through synonyms and FAQ phrasings that
        // sentence overlap cannot see ("trippy" finds the hallucinations answer, whose sentences never say "trippy"),
        // so a lower passage's chance word match must not push it out of the answer. When the top hits are close,
        // the sentences that match best decide, as before.
        var dominant = request.Hits.Count == 1 || request.Hits[0].Score >= request.Hits[1].Score * LeadDominance;
        var lead = candidates.Where(c => c.Rank == 0).OrderByDescending(c => c.Fit).ThenBy(c => c.Index).FirstOrDefault()
            ?? throw new InvalidOperationException($"Passage '{passages[0].Id}' has no text.");
        var chosen = new List<Candidate>();
        var words = 0;
        if (dominant || !candidates.Any(c => c.Overlap > 0 || c.Cosine >= MeaningFloor))
        {
            chosen.Add(lead);
            words = lead.Words;
        }

        foreach (var candidate in candidates.Where(c => (c.Overlap > 0 || c.Cosine >= MeaningFloor) && !chosen.Contains(c))
                     .OrderByDescending(c => c.Fit).ThenBy(c => c.Rank).ThenBy(c => c.Index))
        {
            if (chosen.Count == MaxSentences)
            {
                break;
            }

            if (chosen.Count > 0 && words + candidate.Words > options.MaxAnswerWords)
            {
                continue;
            }

            // FAQ answers and sections often say the same thing; a sentence that adds no new words is left out.
            if (chosen.Any(c => candidate.Stems.IsSubsetOf(c.Stems)))
            {
                continue;
            }

            chosen.Add(candidate);
            words += candidate.Words;
        }

        if (ReasonQuestion.IsMatch(request.Question))
        {
            WithReason(chosen, candidates);
        }

        var ordered = chosen.OrderBy(c => c.Rank).ThenBy(c => c.Index).ToList();
        var positions = ordered.Select(c => c.Rank).Distinct().Select((rank, i) => (rank, position: i + 1))
            .ToDictionary(p => p.rank, p => p.position);
        var text = string.Join(" ", ordered.Select(c => WithMarker(c.Sentence, positions[c.Rank])));
        var cited = positions.OrderBy(p => p.Value).Select(p => passages[p.Key]).ToList();
        return new ComposedAnswer(text, cited, Name);
    }

    /// <summary>
    /// Adds the sentence after the best chosen one in its passage (where the corpus gives its reasons), dropping the
    /// weakest other sentences while the answer is over the sentence or word limit.
    /// </summary>
    private void WithReason(List<Candidate> chosen, List<Candidate> candidates)
    {
        var best = chosen.OrderByDescending(c => c.Fit).ThenBy(c => c.Rank).ThenBy(c => c.Index).First();
        var reason = candidates.FirstOrDefault(c => c.Rank == best.Rank && c.Index == best.Index + 1);
        if (reason is null || chosen.Contains(reason) || best.Words + reason.Words > options.MaxAnswerWords)
        {
            return;
        }

        chosen.Add(reason);
        while (chosen.Count > MaxSentences || chosen.Sum(c => c.Words) > options.MaxAnswerWords)
        {
            var weakest = chosen.Where(c => c != best && c != reason).OrderBy(c => c.Fit).ThenByDescending(c => c.Rank).ThenByDescending(c => c.Index).First();
            chosen.Remove(weakest);
        }
    }

    /// <summary>Puts " [n]" before the sentence's closing punctuation ("… expensive [1].").</summary>
    internal static string WithMarker(string sentence, int position)
    {
        var trimmed = sentence.TrimEnd();
        var end = trimmed.Length;
        while (end > 0 && trimmed[end - 1] is '.' or '!' or '?')
        {
            end--;
        }

        var punctuation = end < trimmed.Length ? trimmed[end..] : ".";
        return $"{trimmed[..end]} [{position}]{punctuation}";
    }

    private sealed record Candidate(int Rank, int Index, string Sentence, HashSet<string> Stems, double Overlap, int Words, double Cosine, double Fit);
}
