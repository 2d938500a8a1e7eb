namespace KetamineFaqBot.Semantics.Classification;

/// <summary>The classifier's output: one probability per route, in the model's label order.</summary>
internal sealed class RouteScoreRow
{
    public float[] Score { get; set; } = [];
}
