using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using KetamineFaqBot.Cli.Tests.TestSupport;
using KetamineFaqBot.Semantics.Exemplars;
using KetamineFaqBot.Semantics.Tests.TestSupport;

namespace KetamineFaqBot.Semantics.Tests.Exemplars;

/// <summary>
/// The classifier is trained on the shipped exemplars and measured on the evaluation sets, so a message in both (or
/// a near copy of one) would measure memory, not generalisation.
/// </summary>
public sealed class ExemplarsAndEvaluationSetsTests
{
    private const float NearDuplicateCosine = 0.95f;

    /// <summary>
    /// The route exemplars and the reviewed covered and uncovered questions: all are learned from, so none may hold an
    /// evaluation message.
    /// </summary>
    private static IReadOnlyList<Exemplar> ShippedExemplars()
    {
        var uncovered = ReviewedQuestionReader.ReadWithLines(RepositoryRoot.Path("prompts", "coverage", "uncovered.yaml"), ReviewedQuestionReader.UncoveredRelativePath);
        var covered = ReviewedQuestionReader.ReadWithLines(RepositoryRoot.Path("prompts", "coverage", "covered.yaml"), ReviewedQuestionReader.CoveredRelativePath);
        Assert.NotEmpty(uncovered);
        Assert.NotEmpty(covered);
        return
        [
            .. ExemplarReader.ReadFolder(RepositoryRoot.Path("prompts", "routes")),
            .. uncovered.Select(q => new Exemplar(Core.Answering.Route.NoAnswer, q.Text, ReviewedQuestionReader.UncoveredRelativePath, q.Line)),
            .. covered.Select(q => new Exemplar(Core.Answering.Route.Answer, q.Text, ReviewedQuestionReader.CoveredRelativePath, q.Line)),
        ];
    }

    /// <summary>Every turn of every case in <c>tests/eval/*.jsonl</c>, with where it came from.</summary>
    private static List<(string Where, string Text)> EvaluationTurns()
    {
        var turns = new List<(string, string)>();
        var files = Directory.GetFiles(RepositoryRoot.Path("tests", "eval"), "*.jsonl").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var id = json.RootElement.GetProperty("id").GetString();
                var turnNumber = 0;
                foreach (var turn in json.RootElement.GetProperty("turns").EnumerateArray())
                {
                    turnNumber++;
                    turns.Add(($"{Path.GetFileName(file)}:{lineNumber} {id} turn {turnNumber}", turn.GetString() ?? string.Empty));
                }
            }
        }

        return turns;
    }

    private static string Key(string text) => text.Trim().ToUpperInvariant();

    [Fact]
    public void ShippedExemplars_ShareNoMessageWithAnyEvaluationCase()
    {
        var exemplars = ShippedExemplars().ToLookup(e => Key(e.Text), StringComparer.Ordinal);
        var turns = EvaluationTurns();

        var shared = turns
            .Where(t => exemplars.Contains(Key(t.Text)))
            .Select(t => $"{t.Where} \"{t.Text}\" = {string.Join(", ", exemplars[Key(t.Text)].Select(e => $"{e.File}:{e.Line}"))}")
            .ToList();

        Assert.True(shared.Count == 0, $"{shared.Count} evaluation turns are also exemplars:\n" + string.Join('\n', shared));
    }

    [Fact]
    public void ShippedExemplars_HaveNoNearDuplicateInAnyEvaluationCase()
    {
        var exemplars = ShippedExemplars();
        var turns = EvaluationTurns();
        var texts = turns.Select(t => t.Text).Distinct(StringComparer.Ordinal).ToList();
        var vectors = SharedEmbeddingCache.Open().Embed([.. texts, .. exemplars.Select(e => e.Text)]);
        var byText = texts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => vectors[p.i], StringComparer.Ordinal);
        var exemplarVectors = vectors[texts.Count..];

        var pairs = new List<(float Cosine, string Line)>();
        foreach (var (where, text) in turns)
        {
            for (var e = 0; e < exemplars.Count; e++)
            {
                var cosine = TensorPrimitives.Dot(byText[text], exemplarVectors[e]);
                if (cosine >= NearDuplicateCosine)
                {
                    pairs.Add((cosine, string.Create(CultureInfo.InvariantCulture,
                        $"{cosine:0.000} {where} \"{text}\" ~ {exemplars[e].File}:{exemplars[e].Line} \"{exemplars[e].Text}\"")));
                }
            }
        }

        Assert.True(pairs.Count == 0,
            $"{pairs.Count} (evaluation turn, exemplar) pairs have cosine >= {NearDuplicateCosine}:\n"
            + string.Join('\n', pairs.OrderByDescending(p => p.Cosine).Select(p => p.Line)));
    }
}
