using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>Outcome of the confidence gate.</summary>
/// <param name="Passed">True: answer from the hits.</param>
/// <param name="TopScore">Best BM25 score of the word search.</param>
/// <param name="Coverage">Fraction of the question's informative words covered by the top passages.</param>
/// <param name="Layer">Which evidence decided: <see cref="ConfidenceGate.LexicalLayer"/>, <see cref="ConfidenceGate.SemanticLayer"/>
/// or <see cref="ConfidenceGate.RefusedLayer"/>.</param>
/// <param name="Cosine">Best passage cosine of the vector search; null without one.</param>
/// <param name="Threshold">The version's calibrated cosine for the semantic layer; null without one.</param>
/// <param name="Probability">The meaning layer's probability that the corpus covers the question; null when it did not run.</param>
/// <param name="ProbabilityThreshold">The meaning layer's calibrated threshold; null when it did not run.</param>
public sealed record GateResult(
    bool Passed, float TopScore, double Coverage, string Layer = ConfidenceGate.LexicalLayer, float? Cosine = null, float? Threshold = null,
    float? Probability = null, float? ProbabilityThreshold = null)
{
    public GateProvenance ToProvenance() => new(Layer, TopScore, Math.Round(Coverage, 3), Cosine, Threshold, Probability, ProbabilityThreshold);
}
