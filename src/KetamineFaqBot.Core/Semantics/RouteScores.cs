using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Core.Semantics;

/// <summary>The route classifier's probabilities for one message (they sum to 1 over the classifier's routes).</summary>
public sealed record RouteScores(IReadOnlyDictionary<Route, float> Probabilities)
{
    public float this[Route route] => Probabilities.TryGetValue(route, out var p) ? p : 0f;

    /// <summary>The most probable route.</summary>
    public Route Top => Probabilities.MaxBy(p => p.Value).Key;
}
