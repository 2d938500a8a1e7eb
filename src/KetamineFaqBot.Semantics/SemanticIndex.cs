using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Semantics;
using KetamineFaqBot.Semantics.Classification;
using KetamineFaqBot.Semantics.Vectors;

namespace KetamineFaqBot.Semantics;

/// <summary>The semantic layer of one index version: route classifier, calibrated thresholds and passage vectors.</summary>
internal sealed class SemanticIndex(
    RouteClassifier classifier, RouteCalibration calibration, PassageVectors vectors, IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> uncovered,
    IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> covered) : ISemanticIndex
{
    public IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> UncoveredQuestions => uncovered;

    public IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> CoveredQuestions => covered;

    public RouteThresholds Thresholds { get; } = calibration.ToThresholds();

    public RouteCalibration Calibration => calibration;

    /// <summary>The route classifier (tests look at whether it needed ML.NET).</summary>
    internal RouteClassifier Classifier => classifier;

    public float FaqMatchThreshold => calibration.FaqMatch;

    public float CoveredThreshold => calibration.Covered;

    public (Passage Passage, float Cosine)? NearestFaq(ReadOnlySpan<float> embedding) => vectors.NearestPhrasing(embedding);

    public RouteScores Classify(string text, ReadOnlySpan<float> embedding) => classifier.Predict(text, embedding);

    public IReadOnlyList<float>? SentenceCosines(Passage passage, ReadOnlySpan<float> embedding) => vectors.SentenceCosines(passage, embedding);

    public IReadOnlyList<(Passage Passage, float Cosine)> Nearest(ReadOnlySpan<float> embedding, int top) => vectors.Nearest(embedding, top);
}
