namespace KetamineFaqBot.Core.Answering;

/// <summary>Deterministic input guardrails, loaded from reviewed rule files. Never a model's decision.</summary>
public interface IGuardrails
{
    /// <param name="text">Normalised message text.</param>
    GuardrailDecision Evaluate(string text);
}
