using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Evaluation;

/// <summary>The outcome of one case.</summary>
/// <param name="Failures">Why the case failed; empty when it passed.</param>
public sealed record EvalCaseResult(EvalCase Case, IReadOnlyList<EvalTurn> Turns, IReadOnlyList<string> Failures)
{
    public bool Pass => Failures.Count == 0;

    /// <summary>Route of the judged (last) turn.</summary>
    public Route ActualRoute => Turns[^1].Answer.Route;

    public bool RouteCorrect => Case.Expect.Routes.Contains(ActualRoute);
}
