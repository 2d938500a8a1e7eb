namespace KetamineFaqBot.Answering.Evaluation;

/// <summary>One evaluation case: turns of one conversation, the last of which is judged.</summary>
/// <param name="File">File the case came from.</param>
/// <param name="Line">Line of the case in <paramref name="File"/>.</param>
public sealed record EvalCase(string Id, IReadOnlyList<string> Turns, EvalExpectation Expect, string File, int Line);
