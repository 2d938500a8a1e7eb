using KetamineFaqBot.Answering.Routing;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Semantics;

namespace KetamineFaqBot.Answering.Tests.Routing;

public sealed class RouteFusionTests
{
    private static readonly RouteThresholds Thresholds = ScriptedSemanticIndex.StandardThresholds;
    private static readonly GuardrailDecision NoRule = new(null, null, [], false);

    private static FusedRoute Fuse(GuardrailDecision rules, params (Route Route, float P)[] scores) =>
        RouteFusion.Fuse(rules, ScriptedSemanticIndex.Scores(scores), Thresholds);

    [Fact]
    public void Fuse_CrisisRuleAndConfidentAnswer_CrisisRuleWins()
    {
        var rules = new GuardrailDecision(Route.Crisis, "crisis", ["crisis.intent"], true);

        var fused = Fuse(rules, (Route.Answer, 0.97f));

        Assert.Equal(Route.Crisis, fused.Decision.Route);
        Assert.Equal("rules", fused.Routing.Layer);
        Assert.Equal(["crisis.intent"], fused.Decision.Rules);
    }

    [Fact]
    public void Fuse_NoRuleAndClassifierCrisisOverThreshold_Crisis()
    {
        var fused = Fuse(NoRule, (Route.Crisis, 0.62f), (Route.Answer, 0.30f));

        Assert.Equal(Route.Crisis, fused.Decision.Route);
        Assert.Equal("crisis", fused.Decision.ResponseKey);
        Assert.True(fused.Decision.MentionsSelfHarm);
        Assert.Equal("classifier", fused.Routing.Layer);
        Assert.Contains("classifier:crisis", fused.Decision.Rules);
        Assert.Equal("crisis", fused.Routing.Scores[0].Key);
    }

    [Fact]
    public void Fuse_RefusalRuleAndClassifierCrisis_CrisisOutranksRefusal()
    {
        var rules = new GuardrailDecision(Route.Refusal, "refusal", ["refusal.buy"], false);

        var fused = Fuse(rules, (Route.Crisis, 0.70f), (Route.Refusal, 0.2f));

        Assert.Equal(Route.Crisis, fused.Decision.Route);
        Assert.Equal(["refusal.buy", "classifier:crisis"], fused.Decision.Rules);
    }

    [Fact]
    public void Fuse_CrisisBelowTakeButInCheckInBand_AnswersWithCheckIn()
    {
        var fused = Fuse(NoRule, (Route.Answer, 0.70f), (Route.Crisis, 0.25f));

        Assert.Null(fused.Decision.Route);
        Assert.True(fused.Routing.CheckIn);
        Assert.True(fused.Decision.MentionsSelfHarm);
        Assert.Contains("classifier:crisis-check-in", fused.Decision.Rules);
    }

    [Fact]
    public void Fuse_CrisisOverTakeThresholdButNotMostProbable_CheckInNotCrisis()
    {
        var fused = Fuse(NoRule, (Route.Answer, 0.52f), (Route.Crisis, 0.44f));

        Assert.Null(fused.Decision.Route);
        Assert.True(fused.Routing.CheckIn);
    }

    [Fact]
    public void Fuse_RefusalOverThresholdButAnswerMoreProbable_Answer()
    {
        var fused = Fuse(NoRule, (Route.Answer, 0.5f), (Route.Refusal, 0.45f));

        Assert.Null(fused.Decision.Route);
        Assert.False(fused.Routing.CheckIn);
        Assert.Empty(fused.Decision.Rules);
    }

    [Fact]
    public void Fuse_ClassifierRefusalMostProbable_Refusal()
    {
        var fused = Fuse(NoRule, (Route.Refusal, 0.81f));

        Assert.Equal(Route.Refusal, fused.Decision.Route);
        Assert.Equal("refusal", fused.Decision.ResponseKey);
    }

    [Fact]
    public void Fuse_ClassifierConfidentReferral_LeftToTheRules()
    {
        var fused = Fuse(NoRule, (Route.Referral, 0.93f));

        Assert.Null(fused.Decision.Route);
        Assert.Equal("rules", fused.Routing.Layer);
    }

    [Fact]
    public void Fuse_ScopeRuleAndConfidentAnswer_GoesToRetrieval()
    {
        var rules = new GuardrailDecision(Route.OutOfScope, "out_of_scope", ["scope.no-domain-term"], false);

        var fused = Fuse(rules, (Route.Answer, 0.9f));

        Assert.Null(fused.Decision.Route);
        Assert.Equal("classifier", fused.Routing.Layer);
    }

    [Fact]
    public void Fuse_ScopeRuleAndUnsureAnswer_StaysOutOfScope()
    {
        var rules = new GuardrailDecision(Route.OutOfScope, "out_of_scope", ["scope.no-domain-term"], false);

        var fused = Fuse(rules, (Route.Answer, 0.45f), (Route.OutOfScope, 0.4f));

        Assert.Equal(Route.OutOfScope, fused.Decision.Route);
    }

    [Fact]
    public void Fuse_ReferralRuleWithoutDomainWordsAndConfidentOutOfScope_OutOfScope()
    {
        var rules = new GuardrailDecision(Route.Referral, "referral", ["referral.should-i", "scope.no-domain-term"], false);

        var fused = Fuse(rules, (Route.OutOfScope, 0.8f), (Route.Referral, 0.1f));

        Assert.Equal(Route.OutOfScope, fused.Decision.Route);
        Assert.Equal("out_of_scope", fused.Decision.ResponseKey);
        Assert.Equal(["referral.should-i", "scope.no-domain-term", "classifier:out_of_scope"], fused.Decision.Rules);
        Assert.Equal("classifier", fused.Routing.Layer);
    }

    [Fact]
    public void Fuse_ReferralRuleWithoutDomainWordsAndClassifierReferral_Referral()
    {
        var rules = new GuardrailDecision(Route.Referral, "referral", ["referral.should-i", "scope.no-domain-term"], false);

        var fused = Fuse(rules, (Route.Referral, 0.6f), (Route.OutOfScope, 0.3f));

        Assert.Equal(Route.Referral, fused.Decision.Route);
        Assert.Equal("rules", fused.Routing.Layer);
    }

    [Fact]
    public void Fuse_ReferralRuleWithDomainWordsAndConfidentOutOfScope_Referral()
    {
        var rules = new GuardrailDecision(Route.Referral, "referral", ["referral.should-i"], false);

        var fused = Fuse(rules, (Route.OutOfScope, 0.8f));

        Assert.Equal(Route.Referral, fused.Decision.Route);
    }

    [Fact]
    public void Fuse_NoRuleAndConfidentSmalltalk_SmalltalkHelp()
    {
        var fused = Fuse(NoRule, (Route.Smalltalk, 0.9f));

        Assert.Equal(Route.Smalltalk, fused.Decision.Route);
        Assert.Equal("smalltalk.help", fused.Decision.ResponseKey);
    }

    [Fact]
    public void Fuse_ReferralRuleAndConfidentAnswerWithoutRelease_ReferralRuleKept()
    {
        var rules = new GuardrailDecision(Route.Referral, "referral", ["referral.dose"], false);

        var fused = Fuse(rules, (Route.Answer, 0.95f));

        Assert.Equal(Route.Referral, fused.Decision.Route);
        Assert.Equal("rules", fused.Routing.Layer);
    }

    [Fact]
    public void Fuse_ReferralRuleAndAnswerAtRelease_GoesToRetrievalWithTheRuleKeptInProvenance()
    {
        var rules = new GuardrailDecision(Route.Referral, "referral", ["referral.pregnancy"], false);

        var fused = RouteFusion.Fuse(rules, ScriptedSemanticIndex.Scores((Route.Answer, 0.9f), (Route.Referral, 0.1f)), Release(0.9f));

        Assert.Null(fused.Decision.Route);
        Assert.Null(fused.Decision.ResponseKey);
        Assert.Equal("classifier", fused.Routing.Layer);
        Assert.Equal(["referral.pregnancy", RouteFusion.ReferralReleaseRule], fused.Decision.Rules);
    }

    [Fact]
    public void Fuse_ReferralRuleAndAnswerJustBelowRelease_Referral()
    {
        var rules = new GuardrailDecision(Route.Referral, "referral", ["referral.my-medication"], false);

        var fused = RouteFusion.Fuse(rules, ScriptedSemanticIndex.Scores((Route.Answer, 0.899f), (Route.Referral, 0.101f)), Release(0.9f));

        Assert.Equal(Route.Referral, fused.Decision.Route);
        Assert.Equal("referral", fused.Decision.ResponseKey);
        Assert.Equal("rules", fused.Routing.Layer);
    }

    [Theory]
    [InlineData(Route.Crisis)]
    [InlineData(Route.Emergency)]
    [InlineData(Route.Refusal)]
    public void Fuse_SafetyRuleAndAnswerAboveRelease_SafetyRuleWins(Route route)
    {
        var rules = new GuardrailDecision(route, route.ToWire(), [route.ToWire() + ".rule"], route == Route.Crisis);

        var fused = RouteFusion.Fuse(rules, ScriptedSemanticIndex.Scores((Route.Answer, 0.99f)), Release(0.9f));

        Assert.Equal(route, fused.Decision.Route);
        Assert.DoesNotContain(RouteFusion.ReferralReleaseRule, fused.Decision.Rules);
    }

    [Fact]
    public void Fuse_ReleasedReferralWithCrisisInCheckInBand_AnswerCarriesTheCheckIn()
    {
        var rules = new GuardrailDecision(Route.Referral, "referral", ["referral.my-symptoms"], false);

        var fused = RouteFusion.Fuse(rules, ScriptedSemanticIndex.Scores((Route.Answer, 0.92f), (Route.Crisis, 0.16f)), Release(0.9f));

        Assert.Null(fused.Decision.Route);
        Assert.True(fused.Routing.CheckIn);
        Assert.True(fused.Decision.MentionsSelfHarm);
    }

    private static RouteThresholds Release(float release) => Thresholds with { ReferralRelease = release };

    [Fact]
    public void Fuse_SameInputs_SameRoute()
    {
        var scores = ScriptedSemanticIndex.Scores((Route.Emergency, 0.41f), (Route.Answer, 0.39f));

        var first = RouteFusion.Fuse(NoRule, scores, Thresholds);
        var second = RouteFusion.Fuse(NoRule, scores, Thresholds);

        Assert.Equal(Route.Emergency, first.Decision.Route);
        Assert.Equal(first.Decision.Route, second.Decision.Route);
        Assert.Equal(first.Decision.Rules, second.Decision.Rules);
        Assert.Equal(first.Routing.Scores, second.Routing.Scores);
    }
}
