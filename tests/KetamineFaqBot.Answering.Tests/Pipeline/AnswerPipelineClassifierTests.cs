using KetamineFaqBot.Answering.Evaluation;
using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Tests.Pipeline;

/// <summary>The pipeline with a route classifier in the served version: fused routes, check-in, provenance.</summary>
public sealed class AnswerPipelineClassifierTests
{
    private static PipelineHarness Harness(ScriptedSemanticIndex semantic) => new(new FixedGuardrails(new GuardrailDecision(null, null, [], false)), semantic: semantic);

    private static ScriptedSemanticIndex Semantic() => new(ScriptedSemanticIndex.StandardThresholds);

    [Fact]
    public async Task AnswerAsync_CrisisTheRulesMiss_GetsCrisisTextFromClassifier()
    {
        const string message = "evryone would be better off, ive been looking at the bridge";
        var semantic = Semantic().Script(message, ScriptedSemanticIndex.Scores((Route.Crisis, 0.83f)));
        var harness = Harness(semantic);

        var answer = await harness.AskAsync(message);

        Assert.Equal(Route.Crisis, answer.Route);
        Assert.StartsWith("CRISIS:", answer.Text, StringComparison.Ordinal);
        Assert.Empty(harness.Retriever.Queries);
        Assert.Equal("classifier", answer.Provenance.Routing!.Layer);
        Assert.Contains("classifier:crisis", answer.Provenance.Rules);
    }

    [Fact]
    public async Task AnswerAsync_CrisisInCheckInBand_AnswerLedByCheckInAndCarriesResources()
    {
        const string message = "how much does ketamine treatment cost";
        var semantic = Semantic().Script(message, ScriptedSemanticIndex.Scores((Route.Answer, 0.7f), (Route.Crisis, 0.2f)));

        var answer = await Harness(semantic).AskAsync(message);

        Assert.Equal(Route.Answer, answer.Route);
        Assert.StartsWith("CHECK_IN:", answer.Text, StringComparison.Ordinal);
        Assert.Contains("CRISIS_RESOURCES:", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
        Assert.True(answer.Provenance.Routing!.CheckIn);
    }

    [Fact]
    public async Task AnswerAsync_ConfidentInformationalQuestion_PlainAnswerWithScoresInProvenance()
    {
        var harness = Harness(Semantic());

        var answer = await harness.AskAsync("how much does ketamine treatment cost");

        Assert.Equal(Route.Answer, answer.Route);
        Assert.DoesNotContain("CHECK_IN:", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CRISIS_RESOURCES:", answer.Text, StringComparison.Ordinal);
        Assert.Equal("answer", answer.Provenance.Routing!.Scores[0].Key);
        var json = AnswerJson.ToLine("q", answer);
        Assert.Contains("\"classifier\":{\"layer\":\"rules\",\"checkIn\":false,\"scores\":{\"answer\":0.95", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_NoSemanticLayer_RulesDecideAndNoClassifierProvenance()
    {
        var harness = new PipelineHarness(new FixedGuardrails(new GuardrailDecision(null, null, [], false)));

        var answer = await harness.AskAsync("how much does ketamine treatment cost");

        Assert.Equal(Route.Answer, answer.Route);
        Assert.Null(answer.Provenance.Routing);
        Assert.DoesNotContain("\"classifier\"", AnswerJson.ToLine("q", answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_ClassifierCrisisOnce_LaterTurnsCarryCrisisResources()
    {
        const string crisis = "cant do this anymore, got the pills counted out";
        var semantic = Semantic().Script(crisis, ScriptedSemanticIndex.Scores((Route.Crisis, 0.9f)));
        var harness = Harness(semantic);

        await harness.AskAsync(crisis);
        var later = await harness.AskAsync("how much does ketamine treatment cost");

        Assert.Equal(Route.Answer, later.Route);
        Assert.Contains("CRISIS_RESOURCES:", later.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_WordsFallShortButBothSearchesAgree_AnsweredByTheGatesSemanticLayer()
    {
        var semantic = Semantic();
        semantic.CoveredThreshold = 0.85f;
        semantic.NearestPassages.Add((TestCorpus.Passages.Single(p => p.Id == "cost#insurance-coverage"), 0.9f));

        var answer = await Harness(semantic).AskAsync("insurance bladder");

        Assert.Equal(Route.Answer, answer.Route);
        Assert.Equal("cost#insurance-coverage", answer.Provenance.Passages[0]);
        Assert.Equal("semantic", answer.Provenance.Gate!.Layer);
        Assert.Contains("\"gate\":{\"layer\":\"semantic\"", AnswerJson.ToLine("q", answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_WordsFallShortAndMeaningBelowThreshold_NoAnswerWithGateProvenance()
    {
        var semantic = Semantic();
        semantic.CoveredThreshold = 0.95f;
        semantic.NearestPassages.Add((TestCorpus.Passages.Single(p => p.Id == "cost#insurance-coverage"), 0.9f));
        var harness = Harness(semantic);

        var answer = await harness.AskAsync("insurance bladder");

        Assert.Equal(Route.NoAnswer, answer.Route);
        Assert.Equal("refused", answer.Provenance.Gate!.Layer);
        Assert.Equal(0.95f, answer.Provenance.Gate.Threshold);
        Assert.Single(harness.Gaps.Gaps);
    }

    [Fact]
    public async Task Prepare_CalibratesTheGateBeforeTheFirstQuestion()
    {
        var semantic = Semantic();
        semantic.Uncovered.Add(("insurance bladder", new[] { 0.9f }));
        var harness = Harness(semantic);

        harness.Pipeline.Prepare();
        var calibrationSearches = harness.Retriever.Queries.Count;
        await harness.AskAsync("how much does ketamine treatment cost");
        var firstQuestionSearches = harness.Retriever.Queries.Count - calibrationSearches;
        await harness.AskAsync("is ketamine treatment expensive");

        Assert.Contains("insurance bladder", harness.Retriever.Queries.Take(calibrationSearches));
        Assert.DoesNotContain("insurance bladder", harness.Retriever.Queries.Skip(calibrationSearches));
        Assert.True(firstQuestionSearches > 0);
    }

    [Fact]
    public async Task AnswerAsync_ReferralRuleOnAnInformationalQuestionAboveRelease_AnsweredFromTheCorpus()
    {
        const string message = "how much does ketamine treatment cost with my insurance";
        var semantic = new ScriptedSemanticIndex(ScriptedSemanticIndex.StandardThresholds with { ReferralRelease = 0.9f })
            .Script(message, ScriptedSemanticIndex.Scores((Route.Answer, 0.96f)));
        var harness = new PipelineHarness(new FixedGuardrails(new GuardrailDecision(Route.Referral, "referral", ["referral.my-medication"], false)), semantic: semantic);

        var answer = await harness.AskAsync(message);

        Assert.Equal(Route.Answer, answer.Route);
        Assert.DoesNotContain("REFERRAL:", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
        Assert.Equal(["referral.my-medication", "classifier:referral-release"], answer.Provenance.Rules);
        Assert.Equal("classifier", answer.Provenance.Routing!.Layer);
    }

    [Fact]
    public async Task AnswerAsync_ReferralRuleWithAnswerBelowRelease_FixedReferral()
    {
        const string message = "how much does ketamine treatment cost with my insurance";
        var semantic = new ScriptedSemanticIndex(ScriptedSemanticIndex.StandardThresholds with { ReferralRelease = 0.9f })
            .Script(message, ScriptedSemanticIndex.Scores((Route.Answer, 0.8f), (Route.Referral, 0.2f)));
        var harness = new PipelineHarness(new FixedGuardrails(new GuardrailDecision(Route.Referral, "referral", ["referral.my-medication"], false)), semantic: semantic);

        var answer = await harness.AskAsync(message);

        Assert.Equal(Route.Referral, answer.Route);
        Assert.StartsWith("REFERRAL:", answer.Text, StringComparison.Ordinal);
        Assert.Empty(harness.Retriever.Queries);
    }

    [Fact]
    public async Task AnswerAsync_ClassifierAloneSaysOutOfScopeButTheCorpusWordsCoverIt_Answered()
    {
        const string message = "how much does ketamine treatment cost";
        var semantic = Semantic().Script(message, ScriptedSemanticIndex.Scores((Route.OutOfScope, 0.9f)));
        var harness = Harness(semantic);

        var answer = await harness.AskAsync(message);

        Assert.Equal(Route.Answer, answer.Route);
        Assert.NotEmpty(answer.Citations);
        Assert.Equal("lexical", answer.Provenance.Gate!.Layer);
        Assert.Equal(["classifier:out_of_scope", AnswerPipeline.InScopeByWordsRule], answer.Provenance.Rules);
    }

    [Fact]
    public async Task AnswerAsync_ClassifierAloneSaysOutOfScopeAndTheWordsDoNotCoverIt_OutOfScope()
    {
        const string message = "best lasagna recipe for six people";
        var semantic = Semantic().Script(message, ScriptedSemanticIndex.Scores((Route.OutOfScope, 0.9f)));
        var harness = Harness(semantic);

        var answer = await harness.AskAsync(message);

        Assert.Equal(Route.OutOfScope, answer.Route);
        Assert.StartsWith("OUT_OF_SCOPE:", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["classifier:out_of_scope"], answer.Provenance.Rules);
    }

    [Fact]
    public async Task AnswerAsync_OutOfScopeRuleOnACoveredQuestion_RuleStands()
    {
        const string message = "how much does ketamine treatment cost";
        var semantic = Semantic().Script(message, ScriptedSemanticIndex.Scores((Route.OutOfScope, 0.9f)));
        var harness = new PipelineHarness(new FixedGuardrails(new GuardrailDecision(Route.OutOfScope, "out_of_scope", ["offtopic.recipes"], false)), semantic: semantic);

        var answer = await harness.AskAsync(message);

        Assert.Equal(Route.OutOfScope, answer.Route);
        Assert.Empty(harness.Retriever.Queries);
    }
}
