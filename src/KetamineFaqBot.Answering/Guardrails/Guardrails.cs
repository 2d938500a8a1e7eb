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

    // The rules in force. Published once more when the literal pre-filter is ready; until then every pattern runs.
    private volatile RuleSet current;
    private readonly Task prefilter;

    internal Guardrails(string sourcePath, GuardrailRule[] rules, GuardrailRule[] flags)
    {
        SourcePath = sourcePath;

        // Rules are kept in precedence order so the first route that fires is the winner.
        var ordered = rules.OrderBy(r => Rank(r.Route!.Value)).ToArray();
        current = new RuleSet(ordered, flags, null);
        RuleIds = [.. ordered.Select(r => r.Id), .. flags.Select(f => f.Id)];
        ResponseKeys = [.. ordered.Select(r => r.ResponseKey!).Distinct(StringComparer.Ordinal)];

        // PERF: deriving the pre-filter costs a few hundred milliseconds of CPU; it is kept off the start-up path.
        // Decisions are the same with or without it, so the first messages simply run every pattern.
        prefilter = Task.Run(BuildPrefilter);
    }

    /// <summary>
    /// Completes when the literal pre-filter has been built (in the background, after loading) and is in force.
    /// Until then every rule's patterns run; the decisions are the same either way, only slower.
    /// </summary>
    public Task Prefiltered => prefilter;

    /// <summary>Whether the literal pre-filter is in force (it is built in the background after loading).</summary>
    internal bool IsPrefiltered => current.Literals is not null;

    /// <summary>The literal pre-filter's table, once built (for tests).</summary>
    internal LiteralTable Literals
    {
        get
        {
            WaitForPrefilter();
            return current.Literals ?? throw new InvalidOperationException("The pre-filter could not be built.");
        }
    }

    /// <summary>Every regular expression of every rule and flag, once pre-filtered (for the soundness tests).</summary>
    internal IEnumerable<PrefilteredRegex> Matchers
    {
        get
        {
            WaitForPrefilter();
            var set = current;
            return set.Rules.Concat(set.Flags).SelectMany(r => r.Matchers);
        }
    }

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
        var set = current;
        return Evaluate(set, folded, set.Literals is { } literals ? MessageScan.For(literals, folded) : null);
    }

    /// <summary>Runs every rule's regular expressions, without the literal pre-filter. For the equivalence test only.</summary>
    internal GuardrailDecision EvaluateUnfiltered(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Evaluate(current, MatchText.Fold(text), null);
    }

    /// <summary>Blocks until the background pre-filter build has finished (for tests).</summary>
    internal void WaitForPrefilter() => prefilter.Wait();

    private void BuildPrefilter()
    {
        var set = current;
        try
        {
            var table = new LiteralTable();
            var rules = set.Rules.Select(r => r.WithMatchers(m => table.Add(m.Regex))).ToArray();
            var flags = set.Flags.Select(r => r.WithMatchers(m => table.Add(m.Regex))).ToArray();
            table.Freeze();
            current = new RuleSet(rules, flags, table);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // SAFETY: without the pre-filter every pattern runs; the decisions are the same, only slower. A failure
            // here is a defect in the analysis, never a reason to stop answering.
        }
    }

    private static GuardrailDecision Evaluate(RuleSet set, string folded, MessageScan? scan)
    {
        var (rules, flags, _) = set;
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

    private sealed record RuleSet(GuardrailRule[] Rules, GuardrailRule[] Flags, LiteralTable? Literals);

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
