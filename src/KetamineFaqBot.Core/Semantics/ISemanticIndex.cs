using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Core.Semantics;

/// <summary>
/// The semantic layer of one index version: the route classifier trained from reviewed exemplars, its calibrated
/// thresholds, and the passage vectors. Deterministic: the same message always gets the same scores.
/// </summary>
public interface ISemanticIndex
{
    /// <summary>Per-route thresholds chosen at build time.</summary>
    RouteThresholds Thresholds { get; }

    /// <summary>Route probabilities for a message and its sentence embedding.</summary>
    RouteScores Classify(string text, ReadOnlySpan<float> embedding);

    /// <summary>Cosine at or above which a question is a paraphrase of a vetted FAQ phrasing, calibrated at build time.</summary>
    float FaqMatchThreshold { get; }

    /// <summary>The FAQ entry with the phrasing closest to the embedding, or null when the corpus has no FAQ.</summary>
    (Passage Passage, float Cosine)? NearestFaq(ReadOnlySpan<float> embedding);

    /// <summary>
    /// Cosine to the best passage at or above which a question the lexical gate could not place is still answered,
    /// when the vector and word searches agree on that passage. Calibrated at build time so that few reviewed
    /// in-scope questions the corpus does not answer reach it; 1 (never) when the version has none to calibrate on.
    /// </summary>
    float CoveredThreshold => 1f;

    /// <summary>
    /// Cosine of the embedding to each sentence of the passage's text (<see cref="PassageSentences.Split"/> order), or
    /// null when the version holds no sentence vectors for it.
    /// </summary>
    IReadOnlyList<float>? SentenceCosines(Passage passage, ReadOnlySpan<float> embedding) => null;

    /// <summary>
    /// The reviewed in-scope questions the corpus does not answer, with their vectors, for calibrating the confidence
    /// gate against this version's searches; empty when the version has none.
    /// </summary>
    IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> UncoveredQuestions => [];

    /// <summary>
    /// The reviewed in-scope questions the corpus does answer, with their vectors: the other side of the gate's
    /// calibration; empty when the version has none.
    /// </summary>
    IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> CoveredQuestions => [];

    /// <summary>Passages by cosine similarity to the embedding, best first.</summary>
    IReadOnlyList<(Passage Passage, float Cosine)> Nearest(ReadOnlySpan<float> embedding, int top);
}
