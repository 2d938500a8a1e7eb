using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>
/// Guardrails by keyword: the first keyword found decides; a message without any in-scope word is out of scope
/// (rule "scope.no-topic-term"), like the real scope rules; otherwise the message goes on to retrieval.
/// </summary>
internal sealed class KeywordGuardrails : IGuardrails
{
    private static readonly string[] InScopeWords = ["ketamine", "esketamine", "spravato", "depression", "infusion", "ect"];

    private readonly List<(string Keyword, GuardrailDecision Decision)> rules = [];

    public KeywordGuardrails Add(string keyword, Route route, string ruleId, bool selfHarm = false)
    {
        rules.Add((keyword, new GuardrailDecision(route, route.ToWire(), [ruleId], selfHarm)));
        return this;
    }

    public KeywordGuardrails Flag(string keyword, string ruleId)
    {
        rules.Add((keyword, new GuardrailDecision(null, null, [ruleId], true)));
        return this;
    }

    public GuardrailDecision Evaluate(string text)
    {
        foreach (var (keyword, decision) in rules)
        {
            if (text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return decision;
            }
        }

        return InScopeWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))
            ? new GuardrailDecision(null, null, [], false)
            : new GuardrailDecision(Route.OutOfScope, "out_of_scope", ["scope.no-topic-term"], false);
    }
}
