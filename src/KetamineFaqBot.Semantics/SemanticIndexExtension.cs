using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Semantics.Classification;
using KetamineFaqBot.Semantics.Embeddings;
using KetamineFaqBot.Semantics.Exemplars;
using KetamineFaqBot.Semantics.Vectors;
using Microsoft.ML;

namespace KetamineFaqBot.Semantics;

/// <summary>
/// Builds the semantic layer into every index version (folder <c>semantic/</c>): passage and FAQ-phrasing vectors,
/// the route classifier trained from <c>prompts/routes/</c>, and its calibration. Loading it back validates every
/// file, so a version with a missing or damaged one is rejected and the old version keeps serving.
/// </summary>
public sealed class SemanticIndexExtension : IIndexExtension
{
    /// <summary>Folder inside each version.</summary>
    public const string FolderName = "semantic";

    public const string ModelFile = "route-model.zip";
    public const string CalibrationFile = "route-calibration.json";

    /// <summary>Bumped when training or file layout changes, so every version is rebuilt once.</summary>
    private const string LayoutVersion = "semantic-9";

    /// <summary>A question is never taken as an FAQ paraphrase below this cosine, whatever the corpus's own phrasings say.</summary>
    private const float FaqMatchFloor = 0.8f;

    /// <summary>Share of the reviewed uncovered questions allowed to reach the gate's semantic threshold.</summary>
    private const double CoveredAllowedShare = 0.05;

    /// <summary>The gate's semantic threshold is never below this cosine, whatever the uncovered questions say.</summary>
    private const float CoveredFloor = 0.7f;

    private readonly string exemplarFolder;
    private readonly string? uncoveredFile;
    private readonly string? coveredFile;
    private readonly EmbeddingCacheFile cache;
    private readonly SentenceModel sentenceModel;
    private readonly bool loadClassifierModel;

    /// <param name="exemplarFolder">Route exemplars (<c>prompts/routes</c>).</param>
    /// <param name="cacheFolder">Where build-time vectors are cached by text hash, across builds.</param>
    /// <param name="uncoveredFile">Reviewed in-scope questions the corpus does not answer (<c>prompts/coverage/uncovered.yaml</c>);
    /// without it the gate's semantic layer never answers.</param>
    /// <param name="coveredFile">Reviewed in-scope questions the corpus does answer (<c>prompts/coverage/covered.yaml</c>);
    /// with both files the gate's meaning layer is a model fitted on the two, without it a cosine threshold.</param>
    /// <param name="model">The sentence model; <see cref="SentenceModel.Local"/> when null.</param>
    /// <param name="loadClassifierModel">Load ML.NET's route model with each version, not when a message first needs it
    /// (a long-running host, so that message does not wait for it).</param>
    public SemanticIndexExtension(
        string exemplarFolder, string cacheFolder, string? uncoveredFile = null, string? coveredFile = null, SentenceModel? model = null,
        bool loadClassifierModel = false)
    {
        this.loadClassifierModel = loadClassifierModel;
        sentenceModel = model ?? SentenceModel.Local;
        this.uncoveredFile = uncoveredFile;
        this.coveredFile = coveredFile;
        ArgumentException.ThrowIfNullOrWhiteSpace(exemplarFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheFolder);
        this.exemplarFolder = exemplarFolder;
        cache = new EmbeddingCacheFile(cacheFolder, sentenceModel.Id, MiniLmEmbeddingGenerator.Dimensions, sentenceModel.Encode);
    }

    public string Name => FolderName;

    /// <summary>Read afresh each time: a running bot's reindex must see exemplars edited since it started.</summary>
    public string InputHash => HashInputs();

    /// <summary>The calibration of the last <see cref="Build"/>, for the build report.</summary>
    public RouteCalibration? LastCalibration { get; private set; }

    /// <summary>Share of the answer exemplars whose best passage cosine reaches the gate's semantic threshold in the last build.</summary>
    public double LastCoveredReach { get; private set; }

    /// <summary>Texts the last build had to embed (the rest came from the cache).</summary>
    public int LastEmbedded { get; private set; }

    /// <summary>Reads the exemplars, so a content owner hears about a bad file before anything is built.</summary>
    /// <exception cref="ExemplarFormatException">A file does not parse; the message names file and line.</exception>
    public IReadOnlyList<Exemplar> ReadExemplars() => ExemplarReader.ReadFolder(exemplarFolder);

    /// <summary>Reads the reviewed uncovered questions (none when the file is not there).</summary>
    /// <exception cref="ExemplarFormatException">The file does not parse; the message names file and line.</exception>
    public IReadOnlyList<string> ReadUncovered() => ReadQuestions(uncoveredFile);

    /// <summary>Reads the reviewed covered questions (none when the file is not there).</summary>
    /// <exception cref="ExemplarFormatException">The file does not parse; the message names file and line.</exception>
    public IReadOnlyList<string> ReadCovered() => ReadQuestions(coveredFile);

    private static IReadOnlyList<string> ReadQuestions(string? file) =>
        file is null ? [] : ReviewedQuestionReader.ReadFile(file, Path.GetFileName(Path.GetDirectoryName(file)) + "/" + Path.GetFileName(file));

    public IndexExtensionReport Build(IndexExtensionBuild build, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        var (folder, passages) = (build.Folder, build.Passages);
        IReadOnlyList<Exemplar> exemplars;
        IReadOnlyList<string> uncovered;
        IReadOnlyList<string> coveredQuestions;
        try
        {
            exemplars = ReadExemplars();
            uncovered = ReadUncovered();
            coveredQuestions = ReadCovered();
        }
        catch (ExemplarFormatException ex)
        {
            throw new InvalidDataException("Route exemplars: " + ex.Message, ex);
        }

        var embedded = 0;
        float[][] Embed(IReadOnlyList<string> texts)
        {
            var vectors = cache.Embed(texts);
            embedded += cache.LastComputed;
            return vectors;
        }

        var ordered = passages.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var texts = PassageVectors.Texts(ordered);
        var passageVectors = Embed(texts.Select(t => t.Text).ToList());
        var sentenceTexts = PassageVectors.SentenceTexts(ordered);
        var sentenceVectors = Embed(sentenceTexts.Select(t => t.Text).ToList());
        PassageVectors.Write(Path.Combine(folder, PassageVectors.FileName), texts, passageVectors, sentenceTexts, sentenceVectors, MiniLmEmbeddingGenerator.Dimensions);

        var (model, routeCalibration) = RouteClassifierTrainer.Train(exemplars, Embed, cancellationToken);
        var uncoveredVectors = uncovered.Count == 0 ? [] : Embed(uncovered);
        ReviewedQuestionVectors.Write(Path.Combine(folder, ReviewedQuestionVectors.UncoveredFileName), uncovered, uncoveredVectors, MiniLmEmbeddingGenerator.Dimensions);
        ReviewedQuestionVectors.Write(Path.Combine(folder, ReviewedQuestionVectors.CoveredFileName), coveredQuestions,
            coveredQuestions.Count == 0 ? [] : Embed(coveredQuestions), MiniLmEmbeddingGenerator.Dimensions);
        var covered = PassageVectors.CoveredThreshold(passageVectors, uncoveredVectors, CoveredAllowedShare, CoveredFloor);
        var calibration = routeCalibration with
        {
            FaqMatch = PassageVectors.FaqMatchThreshold(texts, passageVectors, FaqMatchFloor),
            Covered = covered,
            UncoveredQuestions = uncovered.Count,
            CoveredQuestions = coveredQuestions.Count,
            SentenceModel = sentenceModel.Id,
        };
        var modelPath = Path.Combine(folder, ModelFile);
        new MLContext().Model.Save(model.Transformer, model.InputSchema, modelPath);

        // The weights are checked against the model as it is served (read back from the file) on every exemplar.
        var exemplarVectors = Embed([.. exemplars.Select(e => e.Text)]);
        var (weights, weightsNote) = RouteWeightsExport.From(
            RouteModel.Load(modelPath), MiniLmModelFiles.Sha256(modelPath), exemplars.Select((e, i) => (e.Text, exemplarVectors[i])));
        weights?.Write(Path.Combine(folder, RouteWeights.FileName));
        File.WriteAllText(Path.Combine(folder, CalibrationFile), JsonSerializer.Serialize(calibration, SemanticsJsonContext.Default.RouteCalibration));
        LastCalibration = calibration;
        LastEmbedded = embedded;

        var figures = RouteClassifierTrainer.Describe(calibration);
        figures["model"] = sentenceModel.Id;
        figures["classifier.weights"] = (weights is null ? "off: " : "on: ") + weightsNote;
        figures["threshold.faq_match"] = calibration.FaqMatch.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        figures["vectors"] = texts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        figures["sentence_vectors"] = sentenceTexts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        figures["threshold.covered"] = covered.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        figures["uncovered"] = uncovered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        figures["covered"] = coveredQuestions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answers = exemplars.Where(e => e.Route == Route.Answer).Select(e => e.Text).ToList();
        if (answers.Count > 0 && covered < 1f)
        {
            // How many reviewed answer questions are close enough in meaning to some passage: the layer's reach.
            var reach = LastCoveredReach = Embed(answers).Count(v => PassageVectors.BestCosine(passageVectors, v) >= covered) / (double)answers.Count;
            figures["covered.answer_reach"] = reach.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        }
        return new IndexExtensionReport(Name, InputHash, figures);
    }

    public object Load(string folder, IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var vectors = PassageVectors.Read(Path.Combine(folder, PassageVectors.FileName), passages, MiniLmEmbeddingGenerator.Dimensions);
        var uncovered = ReviewedQuestionVectors.Read(Path.Combine(folder, ReviewedQuestionVectors.UncoveredFileName), MiniLmEmbeddingGenerator.Dimensions);
        var covered = ReviewedQuestionVectors.Read(Path.Combine(folder, ReviewedQuestionVectors.CoveredFileName), MiniLmEmbeddingGenerator.Dimensions);
        RouteCalibration calibration;
        try
        {
            calibration = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(folder, CalibrationFile)), SemanticsJsonContext.Default.RouteCalibration)
                ?? throw new InvalidDataException("The route calibration is empty.");
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The route calibration in '{folder}' could not be read: {ex.Message}", ex);
        }

        // Vectors of one model are meaningless next to another's: a version built with another sentence model is rejected.
        var built = calibration.SentenceModel ?? MiniLmEmbeddingGenerator.ModelId;
        if (!string.Equals(built, sentenceModel.Id, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"The index version in '{folder}' was built with the sentence model '{built}', but '{sentenceModel.Id}' is configured; rebuild it with 'kfaq index'.");
        }

        // SAFETY: a route without a threshold is never taken from the classifier, so a calibration missing crisis would
        // silently switch the classifier's crisis route off; such a version is rejected instead.
        var thresholds = calibration.Thresholds is null ? null : calibration.ToThresholds();
        var missing = ExemplarReader.Routes.Where(r => thresholds is null || !thresholds.Take.TryGetValue(r, out var t) || !(t is >= 0f and <= 1f)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"The route calibration in '{folder}' has no valid threshold for {string.Join(", ", missing.Select(r => r.ToWire()))}.");
        }

        RouteClassifier classifier;
        try
        {
            var modelPath = Path.Combine(folder, ModelFile);
            var weightsPath = Path.Combine(folder, RouteWeights.FileName);
            if (File.Exists(weightsPath))
            {
                // PERF: the ML.NET model is loaded only when a message first needs it (one the weights leave to it).
                // SAFETY: its file is still checked now, against the hash the weights were exported from, so a damaged
                // or replaced model rejects the version here rather than failing a patient's message later.
                var weights = RouteWeights.Read(weightsPath);
                if (!string.Equals(MiniLmModelFiles.Sha256(modelPath), weights.ModelSha256, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"The route model in '{folder}' is not the one its weights were taken from.");
                }

                classifier = new RouteClassifier(weights, () => RouteModel.Load(modelPath));
            }
            else
            {
                // A version built before the weights existed: ML.NET for every message.
                var model = RouteModel.Load(modelPath);
                classifier = new RouteClassifier(null, () => model);
            }

            if (loadClassifierModel)
            {
                classifier.LoadModel();
            }

            // The classifier must answer before the version is served.
            _ = classifier.Predict("probe", new float[MiniLmEmbeddingGenerator.Dimensions]);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InvalidDataException)
        {
            throw new InvalidDataException($"The route model in '{folder}' could not be loaded: {ex.Message}", ex);
        }

        return new SemanticIndex(classifier, calibration, vectors, uncovered, covered);
    }

    private string HashInputs()
    {
        var builder = new StringBuilder().Append(LayoutVersion).Append('\n').Append(sentenceModel.Id).Append('\n');
        if (Directory.Exists(exemplarFolder))
        {
            foreach (var file in Directory.EnumerateFiles(exemplarFolder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                builder.Append(Path.GetRelativePath(exemplarFolder, file).Replace('\\', '/')).Append('\n').Append(File.ReadAllText(file)).Append('\n');
            }
        }

        if (uncoveredFile is not null && File.Exists(uncoveredFile))
        {
            builder.Append("uncovered\n").Append(File.ReadAllText(uncoveredFile)).Append('\n');
        }

        if (coveredFile is not null && File.Exists(coveredFile))
        {
            builder.Append("covered\n").Append(File.ReadAllText(coveredFile)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
