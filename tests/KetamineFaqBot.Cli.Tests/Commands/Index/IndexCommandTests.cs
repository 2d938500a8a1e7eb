using KetamineFaqBot.Cli.Tests.TestSupport;

namespace KetamineFaqBot.Cli.Tests.Commands.Index;

public sealed class IndexCommandTests : IDisposable
{
    private readonly string _work = CliRun.NewTempFolder("kfaq-index-");

    private string Root => Path.Combine(_work, "index");

    private string CorpusCopy => Path.Combine(_work, "corpus");

    public IndexCommandTests()
    {
        Directory.CreateDirectory(CorpusCopy);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Path("corpus")))
        {
            File.Copy(file, Path.Combine(CorpusCopy, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string CurrentPointer() => File.ReadAllText(Path.Combine(Root, "current")).Trim();

    [Fact]
    public async Task Index_RealCorpus_BuildsAndPointsCurrentAtIt()
    {
        var (code, output, error) = await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.StartsWith("Built ", output, StringComparison.Ordinal);
        Assert.Contains("added    addiction-risk.md", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Root, "versions", CurrentPointer(), "manifest.json")));
    }

    [Fact]
    public async Task Index_UnchangedCorpus_ReportsNoChange()
    {
        await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);
        var first = CurrentPointer();

        var (code, output, _) = await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("No change", output, StringComparison.Ordinal);
        Assert.Equal(first, CurrentPointer());
    }

    [Fact]
    public async Task Index_CorpusWithErrors_RefusesAndKeepsCurrent()
    {
        await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);
        var before = CurrentPointer();
        var cost = Path.Combine(CorpusCopy, "cost.md");
        File.WriteAllText(cost, File.ReadAllText(cost).Replace("topic: cost", "topic: dosing", StringComparison.Ordinal));

        var (code, _, error) = await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("kfaq lint", error, StringComparison.Ordinal);
        Assert.Equal(before, CurrentPointer());
    }

    [Fact]
    public async Task Index_ChangedDocument_BuildsNewVersionAndRollbackReturnsToOld()
    {
        await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);
        var first = CurrentPointer();
        var cost = Path.Combine(CorpusCopy, "cost.md");
        File.AppendAllText(cost, "\n## Paying for treatment\n\nThe clinic can explain what a course of treatment costs.\n");

        var (code, output, _) = await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);
        var second = CurrentPointer();
        var (rollbackCode, rollbackOutput, _) = await CliRun.RunAsync("index", "--root", Root, "--rollback");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("changed  cost.md", output, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(ExitCodes.Ok, rollbackCode);
        Assert.Contains(first, rollbackOutput, StringComparison.Ordinal);
        Assert.Equal(first, CurrentPointer());
    }

    [Fact]
    public async Task Index_MissingCorpusFolder_ExitsTwoWithMessage()
    {
        var (code, _, error) = await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", Path.Combine(_work, "nope"), "--root", Root);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Root));
    }

    [Fact]
    public async Task Index_RollbackToUnknownVersion_ExitsTwo()
    {
        await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);

        var (code, _, error) = await CliRun.RunAsync("index", "--root", Root, "--rollback", "20000101000000-deadbeef");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.NotEmpty(error);
    }
}
