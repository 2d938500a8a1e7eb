using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Evaluation;

/// <summary>One turn of an evaluated conversation: what was asked and the pipeline's answer.</summary>
public sealed record EvalTurn(string Question, Answer Answer);
