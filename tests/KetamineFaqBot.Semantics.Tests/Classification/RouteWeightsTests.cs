using System.Runtime.Intrinsics.X86;
using System.Text.Json;
using KetamineFaqBot.Cli.Tests.TestSupport;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Retrieval.Tests.TestSupport;
using KetamineFaqBot.Semantics.Classification;
using KetamineFaqBot.Semantics.Embeddings;
using KetamineFaqBot.Semantics.Exemplars;

namespace KetamineFaqBot.Semantics.Tests.Classification;

/// <summary>
/// The route weights stand in for the ML.NET model on the ask path only if they give its probabilities to the bit. A
/// classifier is trained on the shipped exemplars (with stand-in embeddings: what is under test is the arithmetic, not
/// the meaning), saved and read back as a version serves it, and the two are compared on every exemplar, a typo copy
/// of each, every evaluation message and every printable character.
/// </summary>
public sealed class RouteWeightsTests : IClassFixture<RouteWeightsTests.TrainedModel>
{
    private readonly TrainedModel trained;

    public RouteWeightsTests(TrainedModel trained) => this.trained = trained;

    [Fact]
    public void TryScore_ShippedExemplarsEvaluationMessagesAndEveryCharacter_MlNetsProbabilitiesToTheBit()
    {
        var messages = Messages();
        var scores = new float[trained.Weights.Labels.Count];
        var covered = 0;
        var mismatches = new List<string>();
        foreach (var message in messages)
        {
            foreach (var embedding in new[] { TrainedModel.StandIn(message), new float[MiniLmEmbeddingGenerator.Dimensions] })
            {
                if (!trained.Weights.TryScore(message, embedding, scores))
                {
                    continue;
                }

                covered++;
                var expected = trained.Served.Predict(message, embedding);
                for (var i = 0; i < scores.Length; i++)
                {
                    var route = trained.Served.Labels[i];
                    if (BitConverter.SingleToInt32Bits(expected[route]) != BitConverter.SingleToInt32Bits(scores[i]))
                    {
                        mismatches.Add($"{message} ({route.ToWire()}: {expected[route]:R} vs {scores[i]:R})");
                    }
                }
            }
        }

        Assert.Empty(mismatches);
        if (Avx.IsSupported && Sse3.IsSupported)
        {
            // Messages outside printable ASCII (curly quotes, accents, emoji) are left to ML.NET; they are few.
            Assert.True(covered >= messages.Count * 2 * 0.95, $"only {covered} of {messages.Count * 2} scored by the weights");
        }
        else
        {
            Assert.Equal(0, covered);
        }
    }

    [Theory]
    [InlineData("I can’t sleep after my infusion")]
    [InlineData("¿es adictiva la ketamina?")]
    [InlineData("is ketamine addictive 👋")]
    [InlineData("line one\nline two")]
    [InlineData("???")]
    [InlineData("")]
    public void TryScore_MessageTheWeightsDoNotMirror_LeftToMlNet(string message)
    {
        var scores = new float[trained.Weights.Labels.Count];

        Assert.False(trained.Weights.TryScore(message, TrainedModel.StandIn(message), scores));
    }

    [Fact]
    public void Classifier_MessageLeftToMlNet_LoadsTheModelThenAndGivesItsScores()
    {
        var loads = 0;
        var classifier = new RouteClassifier(trained.Weights, () =>
        {
            loads++;
            return trained.Served;
        });
        const string Plain = "how long does an infusion take";
        const string Curly = "what’s the cost of one infusion";

        var plain = classifier.Predict(Plain, TrainedModel.StandIn(Plain));
        var loadedAfterPlain = loads;
        var curly = classifier.Predict(Curly, TrainedModel.StandIn(Curly));

        Assert.Equal(Avx.IsSupported && Sse3.IsSupported ? 0 : 1, loadedAfterPlain);
        Assert.Equal(1, loads);
        Assert.Equal(trained.Served.Predict(Plain, TrainedModel.StandIn(Plain)).Probabilities, plain.Probabilities);
        Assert.Equal(trained.Served.Predict(Curly, TrainedModel.StandIn(Curly)).Probabilities, curly.Probabilities);
    }

    [Fact]
    public void Read_WrittenWeights_ScoreAsTheOriginal()
    {
        using var temp = new TempFolder();
        var path = temp.Combine(RouteWeights.FileName);
        trained.Weights.Write(path);

        var read = RouteWeights.Read(path);

        const string Message = "is it safe to drive after ketamine";
        var expected = new float[read.Labels.Count];
        var actual = new float[read.Labels.Count];
        var embedding = TrainedModel.StandIn(Message);
        Assert.Equal(trained.Weights.TryScore(Message, embedding, expected), read.TryScore(Message, embedding, actual));
        Assert.Equal(expected, actual);
        Assert.Equal(trained.Weights.Labels, read.Labels);
        Assert.Equal(trained.Weights.ModelSha256, read.ModelSha256);
    }

    [Fact]
    public void Read_OneByteChanged_RejectedAsDamaged()
    {
        using var temp = new TempFolder();
        var path = temp.Combine(RouteWeights.FileName);
        trained.Weights.Write(path);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => RouteWeights.Read(path));

        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Messages()
    {
        var exemplars = TrainedModel.Exemplars.Select(e => e.Text).ToList();
        var random = new Random(7);
        var messages = new List<string>(exemplars);
        messages.AddRange(exemplars.Select(t => TypoAugmenter.Augment(t, random)));
        foreach (var file in Directory.GetFiles(RepositoryRoot.Path("tests", "eval"), "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("turns", out var turns))
                {
                    messages.AddRange(turns.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
                }
            }
        }

        // Every printable character alone, inside words and between them; repeated words and spaces; numbers and doses.
        for (var c = ' '; c <= '~'; c++)
        {
            messages.Add(c.ToString());
            messages.Add($"is{c}ketamine{c}{c}addictive {c} ok{c}");
        }

        messages.AddRange(["a  b", "  leading and trailing  ", "ketamine ketamine ketamine KETAMINE", "0.5 mg/kg over 40 minutes, twice a week?", "k"]);
        return messages;
    }

    /// <summary>A classifier trained on the shipped exemplars, saved and read back, and its exported weights.</summary>
    public sealed class TrainedModel : IDisposable
    {
        private readonly TempFolder temp = new();

        public TrainedModel()
        {
            var rows = Exemplars.Select(e => new RouteRow { Text = e.Text, Embedding = StandIn(e.Text), Label = e.Route.ToWire() }).ToList();
            var model = RouteClassifierTrainer.Fit(rows);
            var path = temp.Combine("route-model.zip");
            new Microsoft.ML.MLContext().Model.Save(model.Transformer, model.InputSchema, path);
            Served = RouteModel.Load(path);
            var (weights, reason) = RouteWeightsExport.From(Served, MiniLmModelFiles.Sha256(path), Exemplars.Select(e => (e.Text, StandIn(e.Text))));
            Weights = weights ?? throw new InvalidOperationException("No weights: " + reason);
        }

        public static IReadOnlyList<Exemplar> Exemplars { get; } = ExemplarReader.ReadFolder(RepositoryRoot.Path("prompts", "routes"));

        /// <summary>The model as a version serves it (read back from its file).</summary>
        internal RouteModel Served { get; }

        internal RouteWeights Weights { get; }

        /// <summary>A unit vector of the embedding's size, fixed for each text (not a meaning: the arithmetic is under test).</summary>
        public static float[] StandIn(string text)
        {
            var random = new Random(StableHash(text));
            var vector = new float[MiniLmEmbeddingGenerator.Dimensions];
            var norm = 0.0;
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)((random.NextDouble() * 2) - 1);
                norm += vector[i] * vector[i];
            }

            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)(vector[i] / Math.Sqrt(norm));
            }

            return vector;
        }

        private static int StableHash(string text)
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = unchecked((hash * 31) + c);
            }

            return hash;
        }

        public void Dispose() => temp.Dispose();
    }
}
