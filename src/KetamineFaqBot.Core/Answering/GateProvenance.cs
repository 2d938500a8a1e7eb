namespace KetamineFaqBot.Core.Answering;

/// <summary>How the confidence gate decided whether the corpus answers the question (no user text).</summary>
/// <param name="Layer">lexical (enough of the question's words found) | semantic (both searches agree on a passage
/// close enough in meaning) | refused.</param>
/// <param name="TopScore">Best BM25 score of the hits.</param>
/// <param name="Coverage">Fraction of the question's informative words the top passages cover.</param>
/// <param name="Cosine">Best passage cosine of the vector search; null without a semantic layer.</param>
/// <param name="Threshold">The version's calibrated cosine for the semantic layer when it decides by cosine alone
/// (a version without reviewed covered questions); null otherwise.</param>
/// <param name="Probability">The meaning layer's probability that the corpus covers the question (its signals read
/// together); null when the words decided or the version has no meaning model.</param>
/// <param name="ProbabilityThreshold">The version's calibrated threshold for <paramref name="Probability"/>.</param>
public sealed record GateProvenance(
    string Layer, float TopScore, double Coverage, float? Cosine = null, float? Threshold = null, float? Probability = null,
    float? ProbabilityThreshold = null);
