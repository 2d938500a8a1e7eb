using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Semantics;

namespace KetamineFaqBot.Answering.Routing;

/// <summary>
/// Fuses the reviewed rules with the route classifier (policy in the header of prompts/guardrails.yaml and the README):
/// <list type="number">
/// <item>A safety route from either layer wins; the higher one by precedence (crisis, emergency, refusal). A rule that
/// fires is never overruled; the classifier adds recall when its route is the most probable one and above its
/// calibrated per-route threshold.</item>
/// <item>Referral comes from the reviewed rules alone: on unseen general questions asked in the first person or about a
/// family member, the classifier's referrals were mostly wrong (measured in tests/eval/README.md). A referral rule is
/// set aside only when the classifier finds an informational question at or above the calibrated release probability
/// (above every reviewed referral exemplar's out-of-fold answer probability, never below 0.9): retrieval and the
/// confidence gate then decide, and the answer still carries the talk-to-your-provider footer.</item>
/// <item>A scope rule (no ketamine words) is set aside when the classifier is confident the message is an in-scope
/// question (typos, slang): retrieval and the confidence gate then decide. A referral rule on a message a scope rule
/// also found without domain words is set aside for out of scope when the classifier takes out of scope.</item>
/// <item>When the rules let a message through (or only found no ketamine words), the classifier may call it small talk;
/// when the rules let it through, out of scope.</item>
/// <item>Check-in: when the route is neither crisis nor emergency but the crisis or the emergency probability is in its
/// lower band or above, the reply leads with the check-in text (988, 911, the
/// clinic) and carries the crisis resources: an uncertain crisis is never answered bare.</item>
/// </list>
/// Deterministic: the same decision and scores always give the same route.
/// </summary>
public static class RouteFusion
{
    public const string RulesLayer = "rules";
    public const string ClassifierLayer = "classifier";

    /// <summary>The rule id provenance adds when a referral rule was set aside for an informational question.</summary>
    public const string ReferralReleaseRule = "classifier:referral-release";

    private static readonly Route[] SafetyRoutes = [Route.Crisis, Route.Emergency, Route.Refusal];

    /// <summary>The rule id provenance lists when the classifier chose <paramref name="route"/>.</summary>
    public static string ClassifierRule(Route route) => "classifier:" + route.ToWire();

    /// <summary>
    /// The message was found out of scope only for its words: by a scope rule (no ketamine words) or by the classifier.
    /// A follow-up ("and the cost?") found so may still be answered against the previous question.
    /// </summary>
    public static bool OutOfScopeByWordsOnly(GuardrailDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Route == Route.OutOfScope
            && (ScopeRuleFired(decision) || decision.Rules.Contains(ClassifierRule(Route.OutOfScope)));
    }

    /// <summary>A scope rule (no ketamine or depression words) fired, whatever route the rules chose.</summary>
    private static bool ScopeRuleFired(GuardrailDecision decision) =>
        decision.Rules.Any(IsScopeRule);

    private static bool IsScopeRule(string rule) => rule.StartsWith("scope.", StringComparison.Ordinal);

    /// <summary>
    /// The message was sent to out_of_scope or small talk only for its words (scope rules or the classifier), never by
    /// a rule that recognised it ("thanks", a greeting, an off-topic request): after an answer it may be a follow-up
    /// worth trying against the previous question.
    /// </summary>
    public static bool AwayByWordsOnly(GuardrailDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Route is Route.OutOfScope or Route.Smalltalk
            && decision.Rules.Count > 0
            && decision.Rules.All(r => IsScopeRule(r) || r.StartsWith("classifier:", StringComparison.Ordinal));
    }

    public static FusedRoute Fuse(GuardrailDecision rules, RouteScores scores, RouteThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(thresholds);

        // SAFETY: the highest safety route named by either layer, rules and classifier alike; a rule is never lowered.
        foreach (var route in SafetyRoutes)
        {
            if (rules.Route == route)
            {
                return Result(rules, RulesLayer, scores, thresholds);
            }

            if (Takes(scores, thresholds, route))
            {
                return Result(Take(rules, route, ResponseFor(route)), ClassifierLayer, scores, thresholds);
            }
        }

        var scopeRule = OutOfScopeByWordsOnly(rules);
        switch (rules.Route)
        {
            case Route.Referral when ScopeRuleFired(rules) && Takes(scores, thresholds, Route.OutOfScope):
                // A decision about something outside the domain ("should i switch my cat's food?"): the referral rules
                // read "should I", the scope rules found no ketamine or depression words, and the classifier agrees.
                return Result(Take(rules, Route.OutOfScope, ResponseKeys.OutOfScope), ClassifierLayer, scores, thresholds);
            case Route.Referral when scores.Top == Route.Answer && scores[Route.Answer] >= thresholds.ReferralRelease:
                // The referral rules read words ("my sertraline", "pregnancy"); a question about the research that
                // uses them is still a question for the corpus.
                return Result(rules with { Route = null, ResponseKey = null, Rules = [.. rules.Rules, ReferralReleaseRule] }, ClassifierLayer, scores, thresholds);
            case Route.Referral:
                return Result(rules, RulesLayer, scores, thresholds);
            case Route.OutOfScope when scopeRule && scores[Route.Answer] >= thresholds.For(Route.Answer):
                // The scope rules look for ketamine words; a misspelt in-scope question has none. Retrieval decides.
                return Result(rules with { Route = null, ResponseKey = null }, ClassifierLayer, scores, thresholds);
            case null or Route.OutOfScope when (rules.Route is null || scopeRule) && Takes(scores, thresholds, Route.Smalltalk):
                return Result(Take(rules, Route.Smalltalk, ResponseKeys.SmalltalkHelp), ClassifierLayer, scores, thresholds);
            case null when Takes(scores, thresholds, Route.OutOfScope):
                return Result(Take(rules, Route.OutOfScope, ResponseKeys.OutOfScope), ClassifierLayer, scores, thresholds);
            default:
                return Result(rules, RulesLayer, scores, thresholds);
        }
    }

    /// <summary>
    /// The classifier's route is taken at its threshold only when it is also the most probable route: a fixed text the
    /// classifier is not sure of would replace an answer to an informational question, which is a failure too. An
    /// unsure crisis or emergency is not dropped: it gets the check-in (see <see cref="Result"/>).
    /// </summary>
    private static bool Takes(RouteScores scores, RouteThresholds thresholds, Route route) =>
        scores[route] >= thresholds.For(route) && scores.Top == route;

    private static string ResponseFor(Route route) => route switch
    {
        Route.Crisis => ResponseKeys.Crisis,
        Route.Emergency => ResponseKeys.Emergency,
        _ => ResponseKeys.Refusal,
    };

    private static GuardrailDecision Take(GuardrailDecision rules, Route route, string responseKey) =>
        rules with
        {
            Route = route,
            ResponseKey = responseKey,
            Rules = [.. rules.Rules, ClassifierRule(route)],
            MentionsSelfHarm = rules.MentionsSelfHarm || route == Route.Crisis,
        };

    private static FusedRoute Result(GuardrailDecision decision, string layer, RouteScores scores, RouteThresholds thresholds)
    {
        // SAFETY: an uncertain crisis is never answered bare: the reply leads with the check-in and carries the resources.
        var checkIn = decision.Route is not (Route.Crisis or Route.Emergency)
            && (scores[Route.Crisis] >= thresholds.CrisisCheckIn || scores[Route.Emergency] >= thresholds.EmergencyCheckIn);
        if (checkIn)
        {
            decision = decision with { MentionsSelfHarm = true, Rules = [.. decision.Rules, "classifier:crisis-check-in"] };
        }

        var ordered = scores.Probabilities.OrderByDescending(p => p.Value).ThenBy(p => p.Key)
            .Select(p => new KeyValuePair<string, float>(p.Key.ToWire(), MathF.Round(p.Value, 3)))
            .ToList();
        return new FusedRoute(decision, new RouteProvenance(layer, ordered, checkIn));
    }
}
