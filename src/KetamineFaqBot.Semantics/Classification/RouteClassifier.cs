using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Semantics;

namespace KetamineFaqBot.Semantics.Classification;

/// <summary>
/// The route classifier a served version answers with: its <see cref="RouteWeights"/> for the messages they cover (the
/// same probabilities as ML.NET, without loading it), and the ML.NET model, loaded on first need, for the rest.
/// </summary>
internal sealed class RouteClassifier
{
    private readonly RouteWeights? weights;
    private readonly Route[] labels;
    private readonly Lazy<RouteModel> model;

    /// <param name="weights">The version's weights; null sends every message to the model.</param>
    /// <param name="model">Loads the ML.NET model (once, when a message first needs it).</param>
    public RouteClassifier(RouteWeights? weights, Func<RouteModel> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.weights = weights;
        labels = weights is null ? [] : [.. weights.Labels.Select(l => RouteNames.TryParse(l, out var r) ? r : throw new InvalidDataException($"Unknown route label '{l}' in the route weights."))];
        this.model = new Lazy<RouteModel>(model, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>True once the ML.NET model is loaded.</summary>
    internal bool ModelLoaded => model.IsValueCreated;

    /// <summary>Loads the ML.NET model now rather than when a message first needs it.</summary>
    public void LoadModel() => _ = model.Value;

    public RouteScores Predict(string text, ReadOnlySpan<float> embedding)
    {
        if (weights is not null)
        {
            Span<float> scores = stackalloc float[labels.Length];
            if (weights.TryScore(text, embedding, scores))
            {
                var probabilities = new Dictionary<Route, float>(labels.Length);
                for (var i = 0; i < labels.Length; i++)
                {
                    probabilities[labels[i]] = scores[i];
                }

                return new RouteScores(probabilities);
            }
        }

        return model.Value.Predict(text, embedding);
    }
}
