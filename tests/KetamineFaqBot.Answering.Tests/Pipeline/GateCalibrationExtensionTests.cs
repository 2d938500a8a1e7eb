using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Answering.Tests.Guardrails;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Answering.Tests.Pipeline;

public sealed class GateCalibrationExtensionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kfaq-gate-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static ListRetriever Version() => new(ConfidenceGateTests.Passages) { Semantic = ConfidenceGateTests.WithReviewedQuestions() };

    private GateCalibration BuildAndLoad(AnsweringOptions options, ListRetriever version)
    {
        var extension = new GateCalibrationExtension(options, RepositoryPaths.Prompts);
        var report = extension.Build(new IndexExtensionBuild(folder, [.. version.Passages.Values], () => version));
        Assert.Equal(extension.InputHash, report.InputHash);
        return Assert.IsType<GateCalibration>(extension.Load(folder, [.. version.Passages.Values]));
    }

    [Fact]
    public void Build_StoresTheModelTheGateWouldFitAtFirstUse()
    {
        var version = Version();
        var gate = new ConfidenceGate(new AnsweringOptions(), version, ConfidenceGateTests.Focus.Value);
        var fitted = gate.FitMeaningModel(version.Semantic!)!;

        var stored = BuildAndLoad(new AnsweringOptions(), version);

        Assert.Equal(gate.CalibrationKey, stored.Key);
        var model = Assert.IsType<CoverageModel>(stored.Model);
        Assert.Equal(fitted.Threshold, model.Threshold);
        Assert.Equal(fitted.Bias, model.Bias);
        Assert.Equal(fitted.Weights, model.Weights);
        Assert.Equal(fitted.Means, model.Means);
        Assert.Equal(fitted.Scales, model.Scales);
        double[] signals = [0.5, 2.0, 0.9, 1, 0.8, 0.7, 1, 0.5, 1.1, 0.85, 0.6, 0.7];
        Assert.Equal(fitted.Probability(signals), model.Probability(signals));
        var topic = Assert.IsType<CoverageTopicModel>(model.Topic);
        Assert.Equal(fitted.Topic!.Weights, topic.Weights);
        Assert.Equal(fitted.Topic.Bias, topic.Bias);
        var question = version.Semantic!.CoveredQuestions[0].Vector.Span;
        Assert.Equal(fitted.Topic.Probability(question), topic.Probability(question));
    }

    [Fact]
    public void MeaningModel_VersionFittedWithTheSameSettings_UsesTheStoredModel()
    {
        var version = Version();
        version.Other = BuildAndLoad(new AnsweringOptions(), version);
        var gate = new ConfidenceGate(new AnsweringOptions(), version, ConfidenceGateTests.Focus.Value);

        Assert.Same(((GateCalibration)version.Other).Model, gate.MeaningModel(version.Semantic!));
    }

    [Fact]
    public void MeaningModel_VersionFittedWithOtherSettings_FitsItsOwn()
    {
        var version = Version();
        var stored = BuildAndLoad(new AnsweringOptions { MinCoverage = 0.7 }, version);
        version.Other = stored;
        var gate = new ConfidenceGate(new AnsweringOptions(), version, ConfidenceGateTests.Focus.Value);

        var model = gate.MeaningModel(version.Semantic!);

        Assert.NotEqual(stored.Key, gate.CalibrationKey);
        Assert.NotNull(model);
        Assert.NotSame(stored.Model, model);
    }

    [Fact]
    public void InputHash_FollowsTheSettingsAndTheQueryFocusFile()
    {
        var prompts = Directory.CreateDirectory(Path.Combine(folder, "prompts")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.Prompts, "query-focus.yaml"), Path.Combine(prompts, "query-focus.yaml"));
        var before = new GateCalibrationExtension(new AnsweringOptions(), prompts).InputHash;

        Assert.Equal(before, new GateCalibrationExtension(new AnsweringOptions(), prompts).InputHash);
        Assert.NotEqual(before, new GateCalibrationExtension(new AnsweringOptions { MinTopScore = 2 }, prompts).InputHash);
        File.AppendAllText(Path.Combine(prompts, "query-focus.yaml"), "\n# reviewed again\n");
        Assert.NotEqual(before, new GateCalibrationExtension(new AnsweringOptions(), prompts).InputHash);
    }

    [Fact]
    public void Build_TooFewReviewedQuestions_StoresNoModel()
    {
        var version = new ListRetriever(ConfidenceGateTests.Passages) { Semantic = new ScriptedSemanticIndex(ScriptedSemanticIndex.StandardThresholds) };

        var stored = BuildAndLoad(new AnsweringOptions(), version);

        Assert.Null(stored.Model);
    }

    [Fact]
    public void Build_NoSemanticLayerBeforeIt_ClearError()
    {
        var version = new ListRetriever(ConfidenceGateTests.Passages);
        var extension = new GateCalibrationExtension(new AnsweringOptions(), RepositoryPaths.Prompts);

        var error = Assert.Throws<InvalidDataException>(() => extension.Build(new IndexExtensionBuild(folder, [.. version.Passages.Values], () => version)));

        Assert.Contains("semantic layer", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> DamagedFiles => new()
    {
        string.Empty,
        "{ not json",
        """{ "model": null }""",
        """{ "key": "k" }""",
        """{ "key": "k", "model": { "threshold": 0.5, "bias": 0, "signals": [] } }""",
    };

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Load_DamagedFile_RejectedWithTheFolderNamed(string content)
    {
        File.WriteAllText(Path.Combine(folder, GateCalibrationExtension.ModelFile), content);
        var extension = new GateCalibrationExtension(new AnsweringOptions(), RepositoryPaths.Prompts);

        var error = Assert.Throws<InvalidDataException>(() => extension.Load(folder, ConfidenceGateTests.Passages));

        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_Rejected()
    {
        var extension = new GateCalibrationExtension(new AnsweringOptions(), RepositoryPaths.Prompts);

        Assert.Throws<InvalidDataException>(() => extension.Load(folder, ConfidenceGateTests.Passages));
    }

    [Theory]
    [InlineData("\"threshold\": [0-9.]+", "\"threshold\": 1.5")]
    [InlineData("\"name\": \"coverage\"", "\"name\": \"covrage\"")]
    [InlineData("\"scale\": ", "\"scale\": -")]
    [InlineData("\"topic\": \\{", "\"topic_\": {")]
    [InlineData("\"weights\": \\[", "\"weights\": [\"NaN\", ")]
    public void Load_NumberOutOfRangeOrSignalsNotTheGates_Rejected(string pattern, string replacement)
    {
        BuildAndLoad(new AnsweringOptions(), Version());
        var file = Path.Combine(folder, GateCalibrationExtension.ModelFile);
        var text = File.ReadAllText(file);
        var damaged = System.Text.RegularExpressions.Regex.Replace(text, pattern, replacement);
        Assert.NotEqual(text, damaged);
        File.WriteAllText(file, damaged);
        var extension = new GateCalibrationExtension(new AnsweringOptions(), RepositoryPaths.Prompts);

        Assert.Throws<InvalidDataException>(() => extension.Load(folder, ConfidenceGateTests.Passages));
    }
}
