using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Answering.Contextualisation;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Core.Semantics;

namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>
/// Fits the confidence gate's meaning model (<see cref="ConfidenceGate.FitMeaningModel"/>) into every index version
/// (folder <c>gate/</c>), on the version's own searches, so a bot starting on it answers its first question without
/// fitting anything. Listed after the semantic layer, whose vectors and reviewed questions it reads. A missing or
/// damaged model file rejects the version; a model fitted under other gate settings is left unused (the gate fits its
/// own at first use).
/// </summary>
/// <param name="options">The gate's settings the model is fitted under.</param>
/// <param name="promptsFolder">Holds prompts/query-focus.yaml, read as the gate reads it.</param>
public sealed class GateCalibrationExtension(AnsweringOptions options, string promptsFolder) : IIndexExtension
{
    /// <summary>Folder inside each version.</summary>
    public const string FolderName = "gate";

    public const string ModelFile = "coverage-model.json";

    public string Name => FolderName;

    /// <summary>The model fitted by the last <see cref="Build"/> (null when none could be fitted or nothing was built).</summary>
    public CoverageModel? LastModel { get; private set; }

    /// <summary>The <see cref="ConfidenceGate.CalibrationKey"/> of the gate the bot will run: settings and query-focus file as they are now.</summary>
    public string InputHash => ConfidenceGate.Key(options, QueryFocus.FingerprintOf(promptsFolder));

    public IndexExtensionReport Build(IndexExtensionBuild build, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        var focus = QueryFocus.Load(promptsFolder);
        var version = build.OpenVersion();
        var semantic = version.Extension<ISemanticIndex>()
            ?? throw new InvalidDataException($"The '{FolderName}' extension is fitted on the semantic layer; list it after that layer.");
        var gate = new ConfidenceGate(options, version, focus);
        var model = gate.FitMeaningModel(semantic);
        var key = gate.CalibrationKey;
        LastModel = model;
        File.WriteAllText(Path.Combine(build.Folder, ModelFile), Serialise(key, model));

        var figures = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["covered"] = semantic.CoveredQuestions.Count.ToString(CultureInfo.InvariantCulture),
            ["uncovered"] = semantic.UncoveredQuestions.Count.ToString(CultureInfo.InvariantCulture),
            ["threshold.meaning"] = model is null ? "none" : model.Threshold.ToString("0.0000", CultureInfo.InvariantCulture),
        };
        return new IndexExtensionReport(Name, key, figures);
    }

    public object Load(string folder, IReadOnlyList<Passage> passages)
    {
        var path = Path.Combine(folder, ModelFile);
        try
        {
            return Deserialise(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or JsonException or InvalidOperationException
                                       or FormatException or InvalidCastException or ArgumentException or KeyNotFoundException)
        {
            throw new InvalidDataException($"The gate's meaning model in '{folder}' could not be read: {ex.Message}", ex);
        }
    }

    internal static string Serialise(string key, CoverageModel? model)
    {
        var root = new JsonObject { ["key"] = key };
        if (model is null)
        {
            root["model"] = null;
        }
        else
        {
            var signals = new JsonArray();
            for (var i = 0; i < CoverageModel.FeatureCount; i++)
            {
                signals.Add(new JsonObject
                {
                    ["name"] = CoverageModel.FeatureNames[i],
                    ["mean"] = model.Means[i],
                    ["scale"] = model.Scales[i],
                    ["weight"] = model.Weights[i],
                });
            }

            root["model"] = new JsonObject { ["threshold"] = model.Threshold, ["bias"] = model.Bias, ["signals"] = signals };
            if (model.Topic is { } topic)
            {
                root["model"]!["topic"] = new JsonObject
                {
                    ["bias"] = topic.Bias,
                    ["weights"] = new JsonArray([.. topic.Weights.Select(w => (JsonNode?)JsonValue.Create(w))]),
                };
            }
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <exception cref="InvalidDataException">A field is missing or out of range, or the signals are not the gate's.</exception>
    internal static GateCalibration Deserialise(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("The file is empty.");
        var key = root["key"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(key) || !root.ContainsKey("model"))
        {
            throw new InvalidDataException("The file has no key or no model.");
        }

        if (root["model"] is not JsonObject model)
        {
            return new GateCalibration(key, null);
        }

        var signals = model["signals"]?.AsArray() ?? throw new InvalidDataException("The model has no signals.");
        var names = signals.Select(s => s?["name"]?.GetValue<string>()).ToList();
        if (!names.SequenceEqual(CoverageModel.FeatureNames))
        {
            throw new InvalidDataException($"The model's signals ({string.Join(", ", names)}) are not the gate's ({string.Join(", ", CoverageModel.FeatureNames)}).");
        }

        double Number(JsonNode? node, string name) => node?[name]?.GetValue<double>() ?? throw new InvalidDataException($"A signal has no {name}.");
        var topic = model["topic"] is JsonObject topicNode
            ? CoverageTopicModel.Restore(
                [.. (topicNode["weights"]?.AsArray() ?? throw new InvalidDataException("The topic model has no weights.")).Select(w => w?.GetValue<float>() ?? throw new InvalidDataException("A topic weight is missing."))],
                Number(topicNode, "bias"))
            : throw new InvalidDataException("The model has no topic model.");
        return new GateCalibration(key, CoverageModel.Restore(
            [.. signals.Select(s => Number(s, "mean"))],
            [.. signals.Select(s => Number(s, "scale"))],
            [.. signals.Select(s => Number(s, "weight"))],
            Number(model, "bias"),
            Number(model, "threshold"),
            topic));
    }
}
