using System.Collections.Concurrent;
using KetamineFaqBot.Answering.Contextualisation;
using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Core.Semantics;

namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>
/// Decides whether retrieval found vetted content strong enough to answer from: the top BM25 score must reach a
/// calibrated floor AND enough of the question's informative terms must be covered by the top passages. A high
/// score on common words alone ("how long does ketamine stay in urine?") does not pass: "urine" is covered nowhere.
/// </summary>
/// <remarks>
/// Words that carry no topic ("usually", "someone", "kind of", "make sure": the uninformative lists of
/// prompts/query-focus.yaml) are left out of the coverage fraction: new wording of a covered question is not a gap.
/// </remarks>
public sealed class ConfidenceGate(AnsweringOptions options, IRetriever retriever, QueryFocus? focus = null)
{
    private readonly QueryFocus wordFilter = focus ?? QueryFocus.Empty;

    /// <summary>Decided by the question's words.</summary>
    public const string LexicalLayer = "lexical";

    /// <summary>Decided by meaning: the vector and word searches agree on a passage close enough to the question.</summary>
    public const string SemanticLayer = "semantic";

    /// <summary>Neither layer found the question covered, but it paraphrases a vetted FAQ question (answered verbatim).</summary>
    public const string FaqParaphraseLayer = "faq_paraphrase";

    /// <summary>Neither layer found the question covered.</summary>
    public const string RefusedLayer = "refused";

    /// <summary>How high the word search must rank the vector search's best passage for the two to agree.</summary>
    public const int AgreementDepth = 3;

    /// <summary>Share of the reviewed uncovered questions the semantic layer may answer.</summary>
    public const double SemanticAllowedShare = 0.05;

    /// <summary>The semantic layer's threshold is never below this cosine.</summary>
    public const float SemanticFloor = 0.7f;

    /// <summary>Bumped when the signals or the fit change, so a model fitted by an older build is not used.</summary>
    private const string CalibrationLayout = "gate-5";

    /// <summary>Reviewed questions of each kind whose cosines to a message are averaged (the neighbour signals).</summary>
    public const int ReviewedNeighbours = 3;

    /// <summary>The topic signal when the meaning model has no topic model: undecided.</summary>
    private const double NoTopic = 0.5;

    /// <summary>Passages looked at for coverage.</summary>
    private const int CoverageDepth = 3;

    // Terms found in a large share of passages ("ketamine", "depression") say nothing about whether the corpus
    // covers a question; they are left out of the coverage fraction.
    private const double CommonShare = 0.4;

    // Credit for a word the corpus knows but not in the top passages.
    private const double KnownElsewhereCredit = 0.5;

    // Words users type recur; what a single word retrieves only changes with the index version.
    private const int MaxCachedTerms = 10_000;
    private readonly ConcurrentDictionary<(string Version, string Term), string[]> termHits = new();

    // One calibration per index version served (a handful over a process's life).
    private readonly ConcurrentDictionary<string, float> semanticThresholds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<CoverageModel?>> meaningModels = new(StringComparer.Ordinal);
    private string? calibrationKey;

    /// <summary>
    /// Lexical first: the best BM25 score reaches <see cref="AnsweringOptions.MinTopScore"/> and the word search's top passages
    /// cover <see cref="AnsweringOptions.MinCoverage"/> of the question's informative words. When the words fall short
    /// (new wording, slang, a typo the corpus cannot place), the meaning decides: the vector search's best passage
    /// reaches the version's calibrated <paramref name="coveredThreshold"/> and the word search also ranks it in its
    /// top <see cref="AgreementDepth"/>; one search alone is not enough, because an in-scope question the corpus does
    /// not answer can be close in meaning to a passage on the same topic.
    /// </summary>
    public GateResult Evaluate(string query, HybridHits hits, float coveredThreshold)
    {
        ArgumentNullException.ThrowIfNull(hits);
        float? cosine = hits.Nearest.Count > 0 ? hits.Nearest[0].Cosine : null;
        float? threshold = hits.Nearest.Count > 0 ? coveredThreshold : null;
        if (hits.Fused.Count == 0 || hits.Lexical.Count == 0)
        {
            return new GateResult(false, 0f, 0, RefusedLayer, cosine, threshold);
        }

        var (topScore, (coverage, _, _), enough) = Words(query, hits.Lexical);
        if (enough)
        {
            return new GateResult(true, topScore, coverage, LexicalLayer, cosine, threshold);
        }

        var agreed = hits.Nearest.Count > 0
            && hits.Lexical.Take(AgreementDepth).Any(h => string.Equals(h.Passage.Id, hits.Nearest[0].Passage.Id, StringComparison.Ordinal));
        var semantic = agreed && topScore >= options.MinTopScore && cosine >= coveredThreshold;
        return new GateResult(semantic, topScore, coverage, semantic ? SemanticLayer : RefusedLayer, cosine, threshold);
    }

    /// <summary>
    /// Lexical first, as in the cosine overload; when the words fall short, the meaning layer's
    /// <paramref name="model"/> reads all the signals of the two searches together (<see cref="Features"/>) and answers
    /// when the probability that the corpus covers the question is above its calibrated threshold.
    /// </summary>
    public GateResult Evaluate(string query, HybridHits hits, CoverageModel model, ISemanticIndex semantic, ReadOnlySpan<float> embedding)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(semantic);
        float? cosine = hits.Nearest.Count > 0 ? hits.Nearest[0].Cosine : null;
        if (hits.Fused.Count == 0 || hits.Lexical.Count == 0)
        {
            return new GateResult(false, 0f, 0, RefusedLayer, cosine);
        }

        var (topScore, detail, enough) = Words(query, hits.Lexical);
        if (enough)
        {
            return new GateResult(true, topScore, detail.Coverage, LexicalLayer, cosine);
        }

        var probability = (float)Math.Round(model.Probability(Features(hits, detail, semantic, embedding, model.Topic?.Probability(embedding) ?? NoTopic)), 3);
        var passed = topScore >= options.MinTopScore && probability > model.Threshold;
        return new GateResult(passed, topScore, detail.Coverage, passed ? SemanticLayer : RefusedLayer, cosine, null, probability, (float)model.Threshold);
    }

    /// <summary>What the words say: the best BM25 score, the coverage of the question, and whether both suffice.</summary>
    /// <remarks>Judged on the word search's own top passages; the fused order decides what is quoted.</remarks>
    private (float TopScore, (double Coverage, int Unknown, int Terms) Detail, bool Enough) Words(string query, IReadOnlyList<SearchHit> lexical)
    {
        var topScore = lexical[0].Score;
        var detail = CoverageDetail(query, lexical);
        return (topScore, detail, topScore >= options.MinTopScore && detail.Coverage >= options.MinCoverage);
    }

    /// <summary>A reviewed question searched as a patient's question would be: focused, then the hybrid search.</summary>
    private (string Query, HybridHits Found) SearchReviewed(
        string text, ReadOnlyMemory<float> vector, ISemanticIndex semantic, HybridSearch search, TermStatistics statistics)
    {
        var query = wordFilter.Focus(text, statistics);
        return (query, search.Search(query, vector, semantic, options.RetrieveTop));
    }

    /// <summary>
    /// The signals the meaning layer reads, in <see cref="CoverageModel.FeatureNames"/> order: word coverage, best BM25
    /// score (log), best passage cosine, whether the vector search's best passage is in the word search's top
    /// <see cref="AgreementDepth"/>, best FAQ-phrasing cosine, best sentence cosine in the fused top 3, words the
    /// corpus does not know at all (count and share), and informative words (log).
    /// </summary>
    internal static double[] Features(
        HybridHits hits, (double Coverage, int Unknown, int Terms) detail, ISemanticIndex semantic, ReadOnlySpan<float> embedding, double topic, int skipCovered = -1, int skipUncovered = -1)
    {
        var nearest = hits.Nearest.Count > 0 ? hits.Nearest[0] : default;
        var agreed = hits.Nearest.Count > 0
            && hits.Lexical.Take(AgreementDepth).Any(h => string.Equals(h.Passage.Id, nearest.Passage.Id, StringComparison.Ordinal));
        var sentence = 0.0;
        foreach (var hit in hits.Fused.Take(CoverageDepth))
        {
            if (semantic.SentenceCosines(hit.Passage, embedding) is { Count: > 0 } cosines)
            {
                sentence = Math.Max(sentence, cosines.Max());
            }
        }

        return
        [
            detail.Coverage,
            Math.Log(1 + (hits.Lexical.Count > 0 ? hits.Lexical[0].Score : 0)),
            hits.Nearest.Count > 0 ? nearest.Cosine : 0,
            agreed ? 1 : 0,
            semantic.NearestFaq(embedding)?.Cosine ?? 0,
            sentence,
            detail.Unknown,
            detail.Terms == 0 ? 0 : (double)detail.Unknown / detail.Terms,
            Math.Log(1 + detail.Terms),
            NearestReviewed(semantic.CoveredQuestions, embedding, skipCovered),
            NearestReviewed(semantic.UncoveredQuestions, embedding, skipUncovered),
            topic,
        ];
    }

    /// <summary>
    /// Mean cosine between the embedding and its <see cref="ReviewedNeighbours"/> closest reviewed questions of the list
    /// (vectors are unit length), leaving out the question at <paramref name="skip"/>: a reviewed question being fitted
    /// on is not its own neighbour. Several neighbours rather than one, so that a single reviewed question worded like
    /// the message does not decide alone.
    /// </summary>
    internal static double NearestReviewed(IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> questions, ReadOnlySpan<float> embedding, int skip = -1)
    {
        // The best cosines so far, best first.
        Span<double> best = stackalloc double[ReviewedNeighbours];
        best.Fill(double.NegativeInfinity);
        var seen = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            var vector = questions[i].Vector.Span;
            if (i == skip || vector.Length != embedding.Length)
            {
                continue;
            }

            seen++;
            double cosine = System.Numerics.Tensors.TensorPrimitives.Dot(vector, embedding);
            var at = best.Length - 1;
            if (cosine <= best[at])
            {
                continue;
            }

            while (at > 0 && best[at - 1] < cosine)
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = cosine;
        }

        var count = Math.Min(seen, ReviewedNeighbours);
        return count == 0 ? 0 : System.Numerics.Tensors.TensorPrimitives.Sum<double>(best[..count]) / count;
    }

    private static (List<ReadOnlyMemory<float>> Vectors, List<bool> Covered) Reviewed(ISemanticIndex semantic)
    {
        var vectors = semantic.CoveredQuestions.Select(q => q.Vector).Concat(semantic.UncoveredQuestions.Select(q => q.Vector)).ToList();
        var kinds = semantic.CoveredQuestions.Select(_ => true).Concat(semantic.UncoveredQuestions.Select(_ => false)).ToList();
        return (vectors, kinds);
    }

    /// <summary>
    /// The meaning layer for the version served: the model fitted into the version when it was built
    /// (<see cref="GateCalibrationExtension"/>), when it was fitted with this gate's settings and word lists; otherwise
    /// fitted at its first use, the same way (<see cref="FitMeaningModel"/>). Null when the version lacks either kind of
    /// reviewed question, and the cosine threshold (<see cref="SemanticThreshold"/>) decides instead.
    /// </summary>
    public CoverageModel? MeaningModel(ISemanticIndex semantic)
    {
        ArgumentNullException.ThrowIfNull(semantic);
        if (semantic.CoveredQuestions.Count == 0 || semantic.UncoveredQuestions.Count == 0)
        {
            return null;
        }

        if (retriever.Extension<GateCalibration>() is { } built && string.Equals(built.Key, CalibrationKey, StringComparison.Ordinal))
        {
            return built.Model;
        }

        if (meaningModels.Count > 16)
        {
            meaningModels.Clear();
        }

        return meaningModels.GetOrAdd(retriever.CorpusVersion, _ => new Lazy<CoverageModel?>(() => FitMeaningModel(semantic))).Value;
    }

    /// <summary>
    /// What a meaning model fitted for this gate depends on besides the version: the gate's settings and the word lists
    /// of prompts/query-focus.yaml. A model fitted under another key is not used.
    /// </summary>
    /// <remarks>Computed once: the gate's settings and word lists do not change over its life, and every question asks.</remarks>
    public string CalibrationKey => calibrationKey ??= Key(options, wordFilter.Fingerprint);

    /// <summary>The <see cref="CalibrationKey"/> of a gate with these settings and query-focus file.</summary>
    public static string Key(AnsweringOptions options, string focusFingerprint)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = string.Join('\n',
            CalibrationLayout,
            options.MinTopScore.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            options.MinCoverage.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            options.RetrieveTop.ToString(System.Globalization.CultureInfo.InvariantCulture),
            focusFingerprint);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Fits the meaning layer on the version's reviewed covered and uncovered questions, each searched as a patient's
    /// would be (<see cref="CoverageModel.Fit"/>, at most <see cref="SemanticAllowedShare"/> of the uncovered let
    /// through); null when the version lacks either kind.
    /// </summary>
    public CoverageModel? FitMeaningModel(ISemanticIndex semantic)
    {
        ArgumentNullException.ThrowIfNull(semantic);
        var statistics = TermStatistics.For(retriever.Passages);
        var search = new HybridSearch(retriever);
        var samples = new List<CoverageSample>();
        var (vectors, kinds) = Reviewed(semantic);
        var topics = CoverageTopicModel.OutOfFold(vectors, kinds);
        var offset = 0;
        foreach (var (questions, covered) in new[] { (semantic.CoveredQuestions, true), (semantic.UncoveredQuestions, false) })
        {
            for (var i = 0; i < questions.Count; i++)
            {
                var (text, vector) = questions[i];
                var (query, found) = SearchReviewed(text, vector, semantic, search, statistics);
                if (found.Lexical.Count > 0 && found.Fused.Count > 0)
                {
                    var (_, detail, byWords) = Words(query, found.Lexical);
                    var features = Features(found, detail, semantic, vector.Span, topics[offset + i], covered ? i : -1, covered ? -1 : i);
                    samples.Add(new CoverageSample(features, covered, byWords));
                }
            }

            offset += questions.Count;
        }

        return CoverageModel.Fit(samples, SemanticAllowedShare, CoverageTopicModel.Fit(vectors, kinds));
    }

    /// <summary>
    /// The semantic layer's cosine threshold for the version served, calibrated on the population the layer decides:
    /// each reviewed uncovered question is searched as a patient's question would be, and among those the words refuse
    /// and both searches agree on, the threshold sits just above the cosines of all but
    /// <see cref="SemanticAllowedShare"/> of all the uncovered questions (never below <see cref="SemanticFloor"/>).
    /// Computed once per version, deterministically; without uncovered questions, the build's cosine threshold.
    /// </summary>
    public float SemanticThreshold(ISemanticIndex semantic)
    {
        ArgumentNullException.ThrowIfNull(semantic);
        if (semantic.UncoveredQuestions.Count == 0)
        {
            return semantic.CoveredThreshold;
        }

        if (semanticThresholds.Count > 16)
        {
            semanticThresholds.Clear();
        }

        return semanticThresholds.GetOrAdd(retriever.CorpusVersion, _ => Calibrate(semantic));
    }

    private float Calibrate(ISemanticIndex semantic)
    {
        var statistics = TermStatistics.For(retriever.Passages);
        var search = new HybridSearch(retriever);
        var decided = new List<float>();
        foreach (var (text, vector) in semantic.UncoveredQuestions)
        {
            var (query, found) = SearchReviewed(text, vector, semantic, search, statistics);

            // With no threshold at all, the semantic layer answers exactly the questions it would decide on.
            var result = Evaluate(query, found, float.NegativeInfinity);
            if (result.Layer == SemanticLayer && result.Cosine is { } cosine)
            {
                decided.Add(cosine);
            }
        }

        decided.Sort((a, b) => b.CompareTo(a));
        var allowed = (int)Math.Floor(SemanticAllowedShare * semantic.UncoveredQuestions.Count);
        var limit = allowed < decided.Count ? decided[allowed] : float.NegativeInfinity;
        return Math.Clamp(MathF.Ceiling((limit + 0.0005f) * 1000f) / 1000f, SemanticFloor, 0.99f);
    }

    /// <summary>
    /// Fraction of the query's informative stems that the top passages cover, literally or through the index's
    /// synonyms and stemming (a term the literal check misses is searched on its own; it counts when that search
    /// finds one of the same top passages). 1 when the query has only common terms.
    /// </summary>
    public double Coverage(string query, IReadOnlyList<SearchHit> hits) => CoverageDetail(query, hits).Coverage;

    /// <summary><see cref="Coverage"/>, with how many informative words the corpus does not know at all, of how many.</summary>
    internal (double Coverage, int Unknown, int Terms) CoverageDetail(string query, IReadOnlyList<SearchHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var statistics = TermStatistics.For(retriever.Passages);
        var terms = TextAnalysis.ContentTerms(query)
            .Where(t => !statistics.IsCommon(TextAnalysis.Stem(t), CommonShare) && !wordFilter.IsUninformative(t))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (terms.Count == 0)
        {
            return (1, 0, 0);
        }

        var top = hits.Take(CoverageDepth).ToList();
        var topIds = top.Select(h => h.Passage.Id).ToHashSet(StringComparer.Ordinal);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in top)
        {
            stems.UnionWith(PassageAnalysis.Of(hit.Passage).DescriptionStems);
        }

        var covered = 0.0;
        var unknown = 0;
        foreach (var term in terms)
        {
            // A slip of the keyboard ("treatmnts") is read as the word the corpus knows; a word that is no slip of a
            // known one ("urine") stays a gap.
            var stem = TextAnalysis.Stem(term);
            if (!stems.Contains(stem) && !statistics.IsKnown(stem) && HitsFor(term).Length == 0
                && statistics.KnownWithinOneSlip(stem) is { } corrected)
            {
                stem = corrected;
            }

            if (stems.Contains(stem) || HitsFor(term).Any(topIds.Contains))
            {
                covered++;
            }
            else if (statistics.IsKnown(stem) || HitsFor(term).Length > 0)
            {
                // A word the corpus knows, found in other passages than the top ones ("psychiatrist" in a question
                // about addiction under a psychiatrist's care), is more often a second aspect than a gap: half
                // credit. Words the corpus does not know at all ("urine", "PTSD") are what marks a gap.
                covered += KnownElsewhereCredit;
            }
            else
            {
                unknown++;
            }
        }

        return (covered / terms.Count, unknown, terms.Count);
    }

    /// <summary>Ids of the passages a single word finds through the index's synonyms and stemming.</summary>
    private string[] HitsFor(string term)
    {
        var key = (retriever.CorpusVersion, term);
        if (termHits.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var ids = retriever.Search(term, CoverageDepth).Select(h => h.Passage.Id).ToArray();
        if (termHits.Count >= MaxCachedTerms)
        {
            termHits.Clear();
        }

        termHits[key] = ids;
        return ids;
    }
}
