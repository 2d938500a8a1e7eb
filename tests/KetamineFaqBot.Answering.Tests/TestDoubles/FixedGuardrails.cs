using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>Guardrails that return the same decision for every message.</summary>
internal sealed class FixedGuardrails(GuardrailDecision decision) : IGuardrails
{
    public GuardrailDecision Evaluate(string text) => decision;
}
