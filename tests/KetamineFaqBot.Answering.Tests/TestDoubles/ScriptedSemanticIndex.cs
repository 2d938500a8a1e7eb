using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Semantics;

namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>
/// A semantic layer whose classifier returns scripted probabilities per message, so the pipeline's fusion with the
/// rules can be tested exactly. The real classifier is tested in KetamineFaqBot.Semantics.Tests and by the evaluation sets.
/// </summary>
internal sealed class ScriptedSemanticIndex(RouteThresholds thresholds) : ISemanticIndex
{
    private readonly Dictionary<string, RouteScores> scripted = new(StringComparer.Ordinal);

    public RouteThresholds Thresholds { get; } = thresholds;

    /// <summary>Scores for messages not scripted: a confident informational question.</summary>
    public RouteScores Default { get; set; } = Scores((Route.Answer, 0.95f));

    public List<string> Classified { get; } = [];

    public static RouteThresholds StandardThresholds { get; } = new(
        new Dictionary<Route, float>
        {
            [Route.Answer] = 0.5f, [Route.Referral] = 0.5f, [Route.Crisis] = 0.4f, [Route.Emergency] = 0.4f,
            [Route.Refusal] = 0.5f, [Route.OutOfScope] = 0.5f, [Route.Smalltalk] = 0.5f,
        },
        0.15f,
        0.2f);

    public static RouteScores Scores(params (Route Route, float P)[] probabilities)
    {
        var all = new Dictionary<Route, float>();
        foreach (var route in Enum.GetValues<Route>().Where(r => r != Route.NoAnswer))
        {
            all[route] = 0f;
        }

        foreach (var (route, p) in probabilities)
        {
            all[route] = p;
        }

        var rest = (1f - all.Values.Sum()) / all.Count(p => p.Value == 0f);
        foreach (var route in all.Where(p => p.Value == 0f).Select(p => p.Key).ToList())
        {
            all[route] = rest;
        }

        return new RouteScores(all);
    }

    public ScriptedSemanticIndex Script(string text, RouteScores scores)
    {
        scripted[text] = scores;
        return this;
    }

    public RouteScores Classify(string text, ReadOnlySpan<float> embedding)
    {
        Classified.Add(text);
        return scripted.TryGetValue(text, out var scores) ? scores : Default;
    }

    public float FaqMatchThreshold { get; set; } = 1f;

    /// <summary>The FAQ match every question gets, if any.</summary>
    public (Passage Passage, float Cosine)? Faq { get; set; }

    public (Passage Passage, float Cosine)? NearestFaq(ReadOnlySpan<float> embedding) => Faq;

    public float CoveredThreshold { get; set; } = 1f;

    /// <summary>What the vector search returns for every question, best first (none by default).</summary>
    public List<(Passage Passage, float Cosine)> NearestPassages { get; } = [];

    /// <summary>When set, the vector search's answer for each embedding (overrides <see cref="NearestPassages"/>).</summary>
    public Func<float[], IReadOnlyList<(Passage Passage, float Cosine)>>? NearestBy { get; set; }

    public List<(string Text, ReadOnlyMemory<float> Vector)> Uncovered { get; } = [];

    public IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> UncoveredQuestions => Uncovered;

    /// <summary>Reviewed covered questions with their vectors, for the gate's meaning model.</summary>
    public List<(string Text, ReadOnlyMemory<float> Vector)> Covered { get; } = [];

    public IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> CoveredQuestions => Covered;

    public IReadOnlyList<(Passage Passage, float Cosine)> Nearest(ReadOnlySpan<float> embedding, int top) =>
        (NearestBy is { } by ? by(embedding.ToArray()) : NearestPassages).Take(top).ToList();
}
