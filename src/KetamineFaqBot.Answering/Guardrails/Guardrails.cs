using KetamineFaqBot.Answering.Guardrails.Prefilter;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Guardrails;

/// <summary>
/// Deterministic input guardrails compiled from prompts/guardrails.yaml (see <see cref="GuardrailsLoader"/>).
/// Precedence: crisis &gt; emergency &gt; refusal &gt; referral &gt; smalltalk &gt; out_of_scope; within a route the
/// first rule in file order picks the response key. Every rule and flag is evaluated so the decision lists all that fired.
/// </summary>
public sealed class Guardrails : IGuardrails
{
    /// <summary>Route precedence, highest first.</summary>
    public static IReadOnlyList<Route> Precedence { get; } =
        [Route.Crisis, Route.Emergency, Route.Refusal, Route.Referral, Route.Smalltalk, Route.OutOfScope];

    /// <summary>Flag name that sets <see cref="GuardrailDecision.MentionsSelfHarm"/>.</summary>
    public const string MentionsSelfHarmFlag = "mentions_self_harm";

    private static readonly GuardrailDecision Pass = new(null, null, [], false);

    private readonly GuardrailRule[] rules;
    private readonly GuardrailRule[] flags;
    private readonly LiteralTable literals;

    internal Guardrails(string sourcePath, GuardrailRule[] rules, GuardrailRule[] flags, LiteralTable literals)
    {
        SourcePath = sourcePath;
        this.literals = literals;
        literals.Freeze();

        // Rules are kept in precedence order so the first route that fires is the winner.
        this.rules = [.. rules.OrderBy(r => Rank(r.Route!.Value))];
        this.flags = flags;
        RuleIds = [.. this.rules.Select(r => r.Id), .. flags.Select(f => f.Id)];
        ResponseKeys = [.. this.rules.Select(r => r.ResponseKey!).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The literal pre-filter's table (for tests).</summary>
    internal LiteralTable Literals => literals;

    /// <summary>Every regular expression of every rule and flag (for the pre-filter's soundness tests).</summary>
    internal IEnumerable<PrefilteredRegex> Matchers => rules.Concat(flags).SelectMany(r => r.Matchers);

    /// <summary>The file the rules were loaded from.</summary>
    public string SourcePath { get; }

    /// <summary>Ids of every rule and flag, rules in precedence order.</summary>
    public IReadOnlyList<string> RuleIds { get; }

    /// <summary>Every response key a rule can return; check them against <see cref="IResponseTexts"/> at start-up.</summary>
    public IReadOnlyList<string> ResponseKeys { get; }

    public GuardrailDecision Evaluate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = MatchText.Fold(text);

        // PERF: a rule whose required words are absent from the message is not run (see Prefilter/); the decision is
        // the same as running every rule, which EvaluateUnfiltered does for the self-check test.
        return Evaluate(folded, MessageScan.For(literals, folded));
    }

    /// <summary>Runs every rule's regular expressions, without the literal pre-filter. For the equivalence test only.</summary>
    internal GuardrailDecision EvaluateUnfiltered(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Evaluate(MatchText.Fold(text), null);
    }

    private GuardrailDecision Evaluate(string folded, MessageScan? scan)
    {
        GuardrailRule? winner = null;
        List<string>? fired = null;
        foreach (var rule in rules)
        {
            if (rule.IsMatch(folded, scan))
            {
                winner ??= rule;
                (fired ??= new List<string>(4)).Add(rule.Id);
            }
        }

        var mentionsSelfHarm = false;
        foreach (var flag in flags)
        {
            if (flag.IsMatch(folded, scan))
            {
                (fired ??= new List<string>(4)).Add(flag.Id);
                mentionsSelfHarm |= flag.Flag == MentionsSelfHarmFlag;
            }
        }

        if (fired is null)
        {
            return Pass;
        }

        // SAFETY: a crisis always carries the crisis resources, whatever the flags said.
        mentionsSelfHarm |= winner?.Route == Route.Crisis;
        return new GuardrailDecision(winner?.Route, winner?.ResponseKey, fired, mentionsSelfHarm);
    }

    internal static int Rank(Route route)
    {
        for (var i = 0; i < Precedence.Count; i++)
        {
            if (Precedence[i] == route)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
