using KetamineFaqBot.Answering.Contextualisation;
using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Answering.Tests.Guardrails;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Answering.Tests.Pipeline;

public sealed class ConfidenceGateTests
{
    internal static readonly Lazy<QueryFocus> Focus = new(() => QueryFocus.Load(RepositoryPaths.Prompts));

    internal static readonly Passage[] Passages =
    [
        TestCorpus.Section("cost", "insurance", "cost", "Insurance coverage", "Insurance may not cover ketamine treatments, which can be expensive."),
        TestCorpus.Section("access", "clinics", "access", "Clinics", "Most people receive ketamine at specialized clinics."),
        TestCorpus.Section("trials", "search", "clinical-trials", "Searching", "You can search ClinicalTrials.gov for ketamine studies."),
        TestCorpus.Section("effects", "common", "side-effects", "Side effects", "Ketamine can cause dissociation and raised blood pressure."),
    ];

    private static double Coverage(string query, QueryFocus? focus)
    {
        var retriever = new ListRetriever(Passages);
        var gate = new ConfidenceGate(new AnsweringOptions(), retriever, focus);
        return gate.Coverage(query, retriever.Search(query, 8));
    }

    [Fact]
    public void Coverage_UninformativeWords_LeftOut()
    {
        const string query = "is ketamine usually covered by insurance for someone";

        Assert.True(Coverage(query, null) < 0.6, "without the list, 'usually' and 'someone' count as gaps");
        Assert.Equal(1.0, Coverage(query, Focus.Value));
    }

    [Fact]
    public void Coverage_WordTheCorpusDoesNotKnow_StillAGap()
    {
        // SAFETY: the list must not turn an uncovered question into an answer.
        Assert.Equal(0.0, Coverage("does ketamine usually help someone with ptsd", Focus.Value));
        Assert.Equal(0.0, Coverage("how long does ketamine stay in urine", Focus.Value));
    }

    [Fact]
    public void Coverage_WordKnownOnlyInOtherPassages_HalfCredit()
    {
        // Four insurance passages fill the top three; "clinics" is only in the fifth passage, "evening" in none.
        Passage[] passages =
        [
            .. Enumerable.Range(1, 4).Select(i => TestCorpus.Section("cost", $"part-{i}", "cost", "Insurance", "Insurance may not cover the treatment, which can be expensive.")),
            TestCorpus.Section("access", "clinics", "access", "Clinics", "Most people receive ketamine at specialized clinics."),
        ];
        var retriever = new ListRetriever(passages);
        var gate = new ConfidenceGate(new AnsweringOptions(), retriever, Focus.Value);

        double Of(string query) => gate.Coverage(query, retriever.Search(query, 8));

        Assert.Equal(0.5, Of("insurance cover expensive clinics"));
        Assert.Equal(0.0, Of("insurance cover expensive evening"));
    }
    [Fact]
    public void Coverage_OneSlipOfAKnownWord_Covered()
    {
        Assert.Equal(1.0, Coverage("are ketamine treatmnts expensive", Focus.Value));
        Assert.Equal(1.0, Coverage("are ketamine traetments expensive", Focus.Value));
    }

    [Fact]
    public void Coverage_UnknownWordThatIsNoSlip_StillAGap()
    {
        // SAFETY: typo tolerance must not turn a question about something else into an answer.
        Assert.Equal(0.0, Coverage("can ketamine hurt your bladder", Focus.Value));
    }

    // "insurance" and "bladder": the corpus knows the first, not the second, so the words cover half the question.
    internal const string HalfCovered = "insurance bladder";

    private static (ConfidenceGate Gate, ListRetriever Retriever) SemanticGate()
    {
        var retriever = new ListRetriever(Passages);
        return (new ConfidenceGate(new AnsweringOptions(), retriever, Focus.Value), retriever);
    }

    private static HybridHits Hits(ListRetriever retriever, string query, params (Passage Passage, float Cosine)[] nearest)
    {
        var lexical = retriever.Search(query, 8);
        return new HybridHits(HybridSearch.Fuse(lexical, nearest, 8), lexical, nearest);
    }

    [Fact]
    public void Evaluate_WordsCoverTheQuestion_LexicalLayerDecides()
    {
        var (gate, retriever) = SemanticGate();

        var result = gate.Evaluate("is ketamine covered by insurance", Hits(retriever, "is ketamine covered by insurance", (Passages[0], 0.5f)), 0.85f);

        Assert.True(result.Passed);
        Assert.Equal(ConfidenceGate.LexicalLayer, result.Layer);
        Assert.Equal(0.5f, result.Cosine);
        Assert.Equal(0.85f, result.Threshold);
    }

    [Fact]
    public void Evaluate_WordsFallShort_BothSearchesAgreeAboveThreshold_SemanticLayerAnswers()
    {
        var (gate, retriever) = SemanticGate();

        var result = gate.Evaluate(HalfCovered, Hits(retriever, HalfCovered, (Passages[0], 0.9f)), 0.85f);

        Assert.True(result.Passed);
        Assert.Equal(ConfidenceGate.SemanticLayer, result.Layer);
        Assert.Equal(0.5, result.Coverage);
    }

    [Fact]
    public void Evaluate_WordsFallShort_CosineBelowThreshold_Refused()
    {
        var (gate, retriever) = SemanticGate();

        var result = gate.Evaluate(HalfCovered, Hits(retriever, HalfCovered, (Passages[0], 0.84f)), 0.85f);

        Assert.False(result.Passed);
        Assert.Equal(ConfidenceGate.RefusedLayer, result.Layer);
    }

    [Fact]
    public void Evaluate_WordsFallShort_VectorSearchPrefersAPassageTheWordsDoNotFind_Refused()
    {
        // SAFETY: meaning alone is not enough; an uncovered question can sit close to a passage on the same topic.
        var (gate, retriever) = SemanticGate();

        var result = gate.Evaluate(HalfCovered, Hits(retriever, HalfCovered, (Passages[3], 0.95f)), 0.85f);

        Assert.False(result.Passed);
        Assert.Equal(ConfidenceGate.RefusedLayer, result.Layer);
    }

    [Fact]
    public void Evaluate_NoCalibration_ThresholdOneNeverAnswersByMeaning()
    {
        var (gate, retriever) = SemanticGate();

        var result = gate.Evaluate(HalfCovered, Hits(retriever, HalfCovered, (Passages[0], 0.99f)), 1f);

        Assert.False(result.Passed);
    }

    /// <summary>A semantic layer whose vector search puts the insurance passage first at the cosine held in the vector's first value.</summary>
    private static ScriptedSemanticIndex CosineInTheVector() =>
        new(ScriptedSemanticIndex.StandardThresholds) { NearestBy = v => [(Passages[0], v[0])], CoveredThreshold = 0.95f };

    [Fact]
    public void SemanticThreshold_UncoveredQuestionsTheLayerWouldDecide_JustAboveAllButFivePercent()
    {
        var (gate, _) = SemanticGate();
        var semantic = CosineInTheVector();

        // Twenty uncovered questions the words refuse and both searches agree on, cosines 0.70 to 0.89: one (5 %) may pass.
        for (var i = 0; i < 20; i++)
        {
            semantic.Uncovered.Add((HalfCovered, new[] { 0.70f + (i * 0.01f) }));
        }

        var threshold = gate.SemanticThreshold(semantic);

        Assert.Equal(0.881f, threshold, 3);
        Assert.Equal(threshold, gate.SemanticThreshold(semantic));
    }

    [Fact]
    public void SemanticThreshold_UncoveredQuestionsTheWordsAlreadyAnswer_DoNotCount()
    {
        var (gate, _) = SemanticGate();
        var semantic = CosineInTheVector();

        // Covered by the words: the lexical layer decides them, so the semantic layer's threshold ignores them.
        for (var i = 0; i < 20; i++)
        {
            semantic.Uncovered.Add(("is ketamine covered by insurance", new[] { 0.99f }));
        }

        Assert.Equal(ConfidenceGate.SemanticFloor, gate.SemanticThreshold(semantic));
    }

    [Fact]
    public void SemanticThreshold_NoUncoveredQuestions_TheBuildsCosineThreshold()
    {
        var (gate, _) = SemanticGate();

        Assert.Equal(0.95f, gate.SemanticThreshold(CosineInTheVector()));
    }

    // Covered questions the words refuse sit at cosine 0.80–0.99 to the passage, uncovered ones at 0.40–0.59: a model
    // fitted on them answers by meaning only what looks like the covered side.
    internal static ScriptedSemanticIndex WithReviewedQuestions()
    {
        var semantic = CosineInTheVector();
        for (var i = 0; i < 20; i++)
        {
            semantic.Covered.Add((HalfCovered, new[] { 0.80f + (i * 0.01f) }));
            semantic.Uncovered.Add((HalfCovered, new[] { 0.40f + (i * 0.01f) }));
        }

        return semantic;
    }

    [Fact]
    public void MeaningModel_CoveredAndUncoveredQuestions_AnswersTheCoveredSideOnly()
    {
        var (gate, retriever) = SemanticGate();
        var semantic = WithReviewedQuestions();

        var model = gate.MeaningModel(semantic);

        Assert.NotNull(model);
        Assert.Same(model, gate.MeaningModel(semantic));
        var close = gate.Evaluate(HalfCovered, Hits(retriever, HalfCovered, (Passages[0], 0.9f)), model, semantic, [0.9f]);
        var far = gate.Evaluate(HalfCovered, Hits(retriever, HalfCovered, (Passages[0], 0.45f)), model, semantic, [0.45f]);
        Assert.True(close.Passed);
        Assert.Equal(ConfidenceGate.SemanticLayer, close.Layer);
        Assert.True(close.Probability > close.ProbabilityThreshold);
        Assert.False(far.Passed);
        Assert.Equal(ConfidenceGate.RefusedLayer, far.Layer);
        Assert.True(far.Probability <= far.ProbabilityThreshold);
        Assert.Equal((float)model.Threshold, far.ToProvenance().ProbabilityThreshold);
    }

    [Fact]
    public void MeaningModel_WordsCoverTheQuestion_LexicalLayerDecidesWithoutTheModel()
    {
        var (gate, retriever) = SemanticGate();
        var semantic = WithReviewedQuestions();
        const string query = "is ketamine covered by insurance";

        var result = gate.Evaluate(query, Hits(retriever, query, (Passages[0], 0.1f)), gate.MeaningModel(semantic)!, semantic, [0.1f]);

        Assert.True(result.Passed);
        Assert.Equal(ConfidenceGate.LexicalLayer, result.Layer);
        Assert.Null(result.Probability);
    }

    [Fact]
    public void MeaningModel_NoCoveredQuestions_NoneAndTheCosineThresholdDecides()
    {
        var (gate, _) = SemanticGate();
        var semantic = CosineInTheVector();
        semantic.Uncovered.Add((HalfCovered, new[] { 0.5f }));

        Assert.Null(gate.MeaningModel(semantic));
    }

    [Fact]
    public void Features_ReviewedQuestionCosines_MeanOfTheThreeNearestOfEachListLeavingOutTheOneBeingFitted()
    {
        var (gate, retriever) = SemanticGate();
        var semantic = CosineInTheVector();
        semantic.Covered.Add(("covered a", new[] { 0.6f, 0.8f }));
        semantic.Covered.Add(("covered b", new[] { 1f, 0f }));
        semantic.Covered.Add(("covered c", new[] { 0f, 1f }));
        semantic.Covered.Add(("covered d", new[] { 0.8f, 0.6f }));
        semantic.Uncovered.Add(("uncovered e", new[] { 0.8f, 0.6f }));
        var hits = Hits(retriever, HalfCovered, (Passages[0], 0.5f));
        var detail = gate.CoverageDetail(HalfCovered, hits.Lexical);
        float[] embedding = [1f, 0f];

        var all = ConfidenceGate.Features(hits, detail, semantic, embedding, topic: 0.25);
        var withoutItself = ConfidenceGate.Features(hits, detail, semantic, embedding, topic: 0.25, skipCovered: 1);

        Assert.Equal(CoverageModel.FeatureCount, all.Length);
        Assert.Equal((1.0 + 0.8 + 0.6) / 3, all[9], 3);
        Assert.Equal(0.8, all[10], 3);
        Assert.Equal((0.8 + 0.6 + 0.0) / 3, withoutItself[9], 3);
        Assert.Equal(0.8, withoutItself[10], 3);
        Assert.Equal(0.25, all[11]);
    }

    [Fact]
    public void NearestReviewed_CosinesInAnyOrder_MeanOfTheBestThree()
    {
        (string, ReadOnlyMemory<float>)[] questions =
        [
            ("a", new[] { 0f, 1f }), ("b", new[] { 0.6f, 0.8f }), ("c", new[] { 1f, 0f }),
            ("d", new[] { 0.28f, 0.96f }), ("e", new[] { 0.8f, 0.6f }),
        ];

        Assert.Equal((1.0 + 0.8 + 0.6) / 3, ConfidenceGate.NearestReviewed(questions, [1f, 0f]), 3);
        Assert.Equal(0, ConfidenceGate.NearestReviewed([], [1f, 0f]));
    }
}
