using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Routing;

/// <summary>The route after the rules and the classifier have both been heard.</summary>
/// <param name="Decision">The decision the pipeline acts on (route null: answer from the corpus).</param>
/// <param name="Routing">Which layer decided, and the scores, for provenance.</param>
public sealed record FusedRoute(GuardrailDecision Decision, RouteProvenance Routing);
