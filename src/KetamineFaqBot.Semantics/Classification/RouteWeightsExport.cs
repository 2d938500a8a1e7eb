using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Semantics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace KetamineFaqBot.Semantics.Classification;

/// <summary>
/// Takes a trained <see cref="RouteModel"/> apart into <see cref="RouteWeights"/> when a version is built, and checks
/// that the two give the same probabilities, bit for bit, on the messages given (the exemplars). Whatever does not fit
/// the expected shape, or any disagreement, means no weights: the version is then served through ML.NET alone.
/// </summary>
internal static class RouteWeightsExport
{
    private const string TextFeatures = "TextFeatures";

    /// <summary>The weights of <paramref name="model"/>, or null (with the reason) when they cannot stand in for it.</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="modelSha256">SHA-256 of the saved <c>route-model.zip</c>.</param>
    /// <param name="checks">Messages and embeddings on which the weights must agree with the model.</param>
    public static (RouteWeights? Weights, string Reason) From(RouteModel model, string modelSha256, IEnumerable<(string Text, float[] Embedding)> checks)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(checks);
        if (model.Transformer is not TransformerChain<ITransformer> chain
            || chain.LastTransformer is not MulticlassPredictionTransformer<MaximumEntropyModelParameters> predictor)
        {
            return (null, "the model is not a maximum entropy classifier over a transformer chain");
        }

        var context = new MLContext();
        var empty = context.Data.LoadFromEnumerable(Array.Empty<RouteRow>());
        var schema = model.Transformer.GetOutputSchema(empty.Schema);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        schema[TextFeatures].GetSlotNames(ref names);
        var textSlots = names.DenseValues().Select(n => n.ToString()).ToList();
        var dimensions = Embeddings.MiniLmEmbeddingGenerator.Dimensions;

        VBuffer<float>[] rows = [];
        predictor.Model.GetWeights(ref rows, out var classes);
        var features = dimensions + textSlots.Count;
        if (classes != model.Labels.Count || rows.Any(r => r.Length != features))
        {
            return (null, "the classifier's features are not the embedding followed by the text features");
        }

        var weights = new float[classes * features];
        for (var c = 0; c < classes; c++)
        {
            rows[c].DenseValues().ToArray().CopyTo(weights, c * features);
        }

        RouteWeights weightsModel;
        try
        {
            weightsModel = new RouteWeights(
                [.. model.Labels.Select(l => l.ToWire())], dimensions, textSlots, AsciiNormalisation(context), CharacterNames(context),
                [.. predictor.Model.GetBiases()], weights, modelSha256);
        }
        catch (InvalidDataException ex)
        {
            return (null, ex.Message);
        }

        var scores = new float[classes];
        var checkedCount = 0;
        foreach (var (text, embedding) in checks)
        {
            if (!weightsModel.TryScore(text, embedding, scores))
            {
                continue;
            }

            var expected = model.Predict(text, embedding);
            for (var c = 0; c < classes; c++)
            {
                if (BitConverter.SingleToInt32Bits(expected[model.Labels[c]]) != BitConverter.SingleToInt32Bits(scores[c]))
                {
                    return (null, $"the weights disagree with ML.NET on an exemplar ({model.Labels[c].ToWire()})");
                }
            }

            checkedCount++;
        }

        return checkedCount == 0 ? (null, "no exemplar could be checked") : (weightsModel, $"agree with ML.NET on {checkedCount} exemplar(s)");
    }

    /// <summary>What the classifier's text normaliser makes of each printable ASCII character.</summary>
    private static List<string> AsciiNormalisation(MLContext context)
    {
        var options = RouteClassifierTrainer.TextOptions();
        var rows = Enumerable.Range(0x20, 0x7E - 0x20 + 1).Select(c => new TextRow { Text = ((char)c).ToString() }).ToList();
        var data = context.Data.LoadFromEnumerable(rows);
        var normaliser = context.Transforms.Text.NormalizeText("Normal", nameof(TextRow.Text), options.CaseMode, options.KeepDiacritics,
            options.KeepPunctuations, options.KeepNumbers);
        return normaliser.Fit(data).Transform(data).GetColumn<string>("Normal").Select(n => n ?? string.Empty).ToList();
    }

    /// <summary>ML.NET's name of each character 0–127 in character n-grams (its key names: key k names character k − 1).</summary>
    private static List<string> CharacterNames(MLContext context)
    {
        var data = context.Data.LoadFromEnumerable(new[] { new TextRow { Text = "a" } });
        var tokenizer = context.Transforms.Text.TokenizeIntoCharactersAsKeys("Characters", nameof(TextRow.Text), useMarkerCharacters: true);
        var keyNames = default(VBuffer<ReadOnlyMemory<char>>);
        tokenizer.Fit(data).Transform(data).Schema["Characters"].Annotations.GetValue("KeyValues", ref keyNames);
        var all = keyNames.DenseValues().Select(n => n.ToString()).ToList();

        // The name of character c sits at c − 1; character 0 never occurs in text and gets none.
        return [string.Empty, .. all.Take(127)];
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = string.Empty;
    }
}
