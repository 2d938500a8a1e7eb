using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Semantics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace KetamineFaqBot.Semantics.Classification;

/// <summary>
/// A trained route classifier: multiclass logistic regression (ML.NET L-BFGS maximum entropy) over the MiniLM
/// embedding concatenated with word unigrams and character trigrams. Prediction is deterministic; calls are
/// serialised because ML.NET's prediction engine is not thread-safe (~0.1 ms each, far below the embedding).
/// </summary>
internal sealed class RouteModel
{
    private readonly PredictionEngine<RouteRow, RouteScoreRow> engine;
    private readonly Route[] labels;
    private readonly Lock gate = new();

    public RouteModel(MLContext context, ITransformer model, DataViewSchema inputSchema, IReadOnlyList<string> labelOrder)
    {
        Transformer = model;
        InputSchema = inputSchema;
        engine = context.Model.CreatePredictionEngine<RouteRow, RouteScoreRow>(model, inputSchema);
        labels = labelOrder.Select(l => RouteNames.TryParse(l, out var r) ? r : throw new InvalidDataException($"Unknown route label '{l}' in the model.")).ToArray();
    }

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    public IReadOnlyList<Route> Labels => labels;

    public RouteScores Predict(string text, ReadOnlySpan<float> embedding)
    {
        var row = new RouteRow { Text = text, Embedding = embedding.ToArray() };
        float[] score;
        lock (gate)
        {
            score = engine.Predict(row).Score;
        }

        if (score.Length != labels.Length)
        {
            throw new InvalidDataException($"The route model returned {score.Length} scores for {labels.Length} routes.");
        }

        var probabilities = new Dictionary<Route, float>(labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            probabilities[labels[i]] = score[i];
        }

        return new RouteScores(probabilities);
    }

    /// <summary>Loads a model saved by a version's build (<c>route-model.zip</c>).</summary>
    public static RouteModel Load(string path)
    {
        var context = new MLContext();
        var transformer = context.Model.Load(path, out var schema);
        return new RouteModel(context, transformer, schema, LabelOrder(transformer, schema));
    }

    /// <summary>The label of each Score slot, read from the trained model's output schema.</summary>
    public static IReadOnlyList<string> LabelOrder(ITransformer model, DataViewSchema inputSchema)
    {
        var output = model.GetOutputSchema(inputSchema);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        output["Score"].GetSlotNames(ref names);
        var labels = names.DenseValues().Select(n => n.ToString()).ToList();
        if (labels.Count == 0)
        {
            throw new InvalidDataException("The route model has no label names.");
        }

        return labels;
    }
}
