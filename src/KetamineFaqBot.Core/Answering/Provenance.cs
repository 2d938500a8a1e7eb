namespace KetamineFaqBot.Core.Answering;

/// <summary>What an answer was made from: enough for an incident review, no user text.</summary>
/// <param name="CorpusVersion">Index version id that served the answer.</param>
/// <param name="Passages">Passage ids used.</param>
/// <param name="Rules">Guardrail rule ids that fired.</param>
/// <param name="Composer">faq | extractive | generative | fixed.</param>
/// <param name="Routing">Which layer chose the route and the classifier's scores; null when no classifier is loaded.</param>
/// <param name="Gate">How the confidence gate decided; null when the turn never reached retrieval.</param>
public sealed record Provenance(
    string CorpusVersion,
    IReadOnlyList<string> Passages,
    IReadOnlyList<string> Rules,
    string Composer,
    RouteProvenance? Routing = null,
    GateProvenance? Gate = null);
