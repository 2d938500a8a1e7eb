using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineFaqBot.Cli.Tests.TestSupport;
using KetamineFaqBot.Retrieval.Search;

namespace KetamineFaqBot.Cli.Tests.Commands.Search;

/// <summary>
/// Retrieval quality on the evaluation sets: for every case expected to be answered, one of the top three passages
/// matches all of its <c>contains</c> patterns. Multi-turn cases search the turns joined, as a stand-in for the
/// pipeline's follow-up rewriting.
/// </summary>
public sealed class SearchQualityTests(RealIndexFixture index) : IClassFixture<RealIndexFixture>
{
    public static TheoryData<string, string, string[]> AnswerCases()
    {
        var data = new TheoryData<string, string, string[]>();
        foreach (var line in File.ReadLines(RepositoryRoot.Path("tests", "eval", "starter.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var expect = json.RootElement.GetProperty("expect");
            var route = expect.GetProperty("route");
            var answers = route.ValueKind == JsonValueKind.String
                ? route.GetString() == "answer"
                : route.EnumerateArray().Any(r => r.GetString() == "answer");
            if (!answers || !expect.TryGetProperty("contains", out var contains))
            {
                continue;
            }

            var turns = json.RootElement.GetProperty("turns").EnumerateArray().Select(t => t.GetString() ?? string.Empty);
            data.Add(
                json.RootElement.GetProperty("id").GetString()!,
                string.Join(' ', turns),
                [.. contains.EnumerateArray().Select(c => c.GetString()!)]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AnswerCases))]
    public void TopThree_StarterAnswerCase_HasPassageMatchingEveryPattern(string id, string query, string[] patterns)
    {
        using var retriever = new LiveIndex(index.Root);

        var hits = retriever.Search(query, 3);

        var matching = hits.Any(h => patterns.All(p => Regex.IsMatch(h.Passage.Text, p, RegexOptions.IgnoreCase)));
        Assert.True(matching, $"{id}: no top-3 passage matches [{string.Join(", ", patterns)}]; got {string.Join(", ", hits.Select(h => h.Passage.Id))}");
    }
}
