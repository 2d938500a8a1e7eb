namespace KetamineFaqBot.Core.Answering;

/// <summary>How the route was chosen, so a wrong route can be explained (no user text).</summary>
/// <param name="Layer">rules | classifier | rules+classifier: which layer decided the route.</param>
/// <param name="Scores">The classifier's probability per route (wire names), highest first.</param>
/// <param name="CheckIn">The classifier saw a possible crisis below its threshold: the reply leads with the check-in text.</param>
public sealed record RouteProvenance(string Layer, IReadOnlyList<KeyValuePair<string, float>> Scores, bool CheckIn);
