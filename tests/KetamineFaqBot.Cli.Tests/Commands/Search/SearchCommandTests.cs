using System.Text.Json;
using KetamineFaqBot.Cli.Tests.TestSupport;

namespace KetamineFaqBot.Cli.Tests.Commands.Search;

public sealed class SearchCommandTests(RealIndexFixture index) : IClassFixture<RealIndexFixture>
{
    [Fact]
    public async Task Search_IsKetamineAddictive_ReturnsAddictionRiskPassagesFirst()
    {
        var (code, output, _) = await CliRun.RunAsync("search", "is ketamine addictive", "--root", index.Root, "--json", "--top", "3");

        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(output);
        var topics = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("topic").GetString()).ToList();
        Assert.Equal(3, topics.Count);
        Assert.All(topics, t => Assert.Equal("addiction-risk", t));
    }

    [Fact]
    public async Task Search_PlainOutput_ListsRankScoreAndPassageId()
    {
        var (code, output, _) = await CliRun.RunAsync("search", "side effects", "--root", index.Root, "--top", "2");

        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("side-effects#", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MissingIndex_ExitsTwoWithHint()
    {
        var (code, _, error) = await CliRun.RunAsync("search", "cost", "--root", Path.Combine(index.Folder, "missing"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("kfaq index", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("the and of")]
    [InlineData("\"unbalanced (quote* AND OR ~ ^2 [x TO y]")]
    public async Task Search_EmptyOrHostileQuery_ExitsZero(string query)
    {
        var (code, _, error) = await CliRun.RunAsync("search", query, "--root", index.Root, "--json");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
    }
}
