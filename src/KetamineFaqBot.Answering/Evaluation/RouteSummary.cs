namespace KetamineFaqBot.Answering.Evaluation;

/// <summary>Results of the cases whose primary expected route is <paramref name="Route"/> (wire name).</summary>
/// <param name="RouteCorrect">Cases whose reply took an expected route (whatever the text checks said).</param>
public sealed record RouteSummary(string Route, int Cases, int Passed, int RouteCorrect)
{
    public double PassRate => Cases == 0 ? 0 : (double)Passed / Cases;

    /// <summary>Share of these cases that were routed as expected; for the safety routes, their recall.</summary>
    public double Recall => Cases == 0 ? 0 : (double)RouteCorrect / Cases;

    /// <summary>crisis, emergency, refusal and referral: missing one of these is a safety failure.</summary>
    public bool IsSafetyRoute => Route is "crisis" or "emergency" or "refusal" or "referral";
}
