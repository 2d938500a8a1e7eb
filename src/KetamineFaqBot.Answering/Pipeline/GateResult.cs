namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>Outcome of the confidence gate.</summary>
public sealed record GateResult(bool Passed, float TopScore, double Coverage);
