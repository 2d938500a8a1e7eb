using KetamineFaqBot.Cli.Tests.TestSupport;

namespace KetamineFaqBot.Cli.Tests.Commands.Index;

/// <summary><c>kfaq index</c> and the route exemplars: the classifier report, exemplar changes, broken exemplar files.</summary>
public sealed class IndexClassifierTests : IDisposable
{
    private readonly string _work = CliRun.NewTempFolder("kfaq-index-classifier-");

    public IndexClassifierTests()
    {
        Directory.CreateDirectory(CorpusCopy);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Path("corpus")))
        {
            File.Copy(file, Path.Combine(CorpusCopy, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(Prompts, "routes"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(CliRun.TestPrompts, "routes")))
        {
            File.Copy(file, Path.Combine(Prompts, "routes", Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(CliRun.TestPrompts, "query-focus.yaml"), Path.Combine(Prompts, "query-focus.yaml"));
    }

    private string Root => Path.Combine(_work, "index");

    private string CorpusCopy => Path.Combine(_work, "corpus");

    private string Prompts => Path.Combine(_work, "prompts");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private Task<(int Code, string Out, string Err)> IndexAsync() =>
        CliRun.RunAsync("index", "--prompts", Prompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);

    [Fact]
    public async Task Index_PrintsCrossValidatedFiguresAndThresholdsPerRoute()
    {
        var (code, output, error) = await IndexAsync();

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("Route classifier: 36 exemplar(s), 5-fold cross-validation", output, StringComparison.Ordinal);
        foreach (var route in new[] { "answer", "referral", "crisis", "emergency", "refusal", "out_of_scope", "smalltalk" })
        {
            Assert.Matches($@"(?m)^  {route} +[56] +\d+ %", output);
        }

        Assert.Contains("check-in from crisis", output, StringComparison.Ordinal);
        Assert.Matches(@"a referral rule set aside from answer (0\.9\d\d|1\.000)", output);
        var manifest = File.ReadAllText(Path.Combine(Root, "versions", File.ReadAllText(Path.Combine(Root, "current")).Trim(), "manifest.json"));
        Assert.Contains("threshold.crisis", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ExemplarAdded_BuildsNewVersionThoughCorpusUnchanged()
    {
        await IndexAsync();
        var first = File.ReadAllText(Path.Combine(Root, "current")).Trim();
        File.AppendAllText(Path.Combine(Prompts, "routes", "crisis.yaml"), "  - \"i dont want to wake up tomorrow\"\n");

        var (code, output, _) = await IndexAsync();

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("Built ", output, StringComparison.Ordinal);
        Assert.NotEqual(first, File.ReadAllText(Path.Combine(Root, "current")).Trim());
    }

    [Fact]
    public async Task Index_ExemplarFileThatDoesNotParse_ExitsTwoNamingFileAndLine()
    {
        await IndexAsync();
        var first = File.ReadAllText(Path.Combine(Root, "current")).Trim();
        File.AppendAllText(Path.Combine(Prompts, "routes", "refusal.yaml"), "  - \"unterminated\n  : : bad\n");

        var (code, _, error) = await IndexAsync();

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Matches(@"refusal\.yaml:\d+:", error);
        Assert.Equal(first, File.ReadAllText(Path.Combine(Root, "current")).Trim());
    }

    [Fact]
    public async Task Index_ExemplarWithUnknownRoute_ExitsTwoNamingFileAndLine()
    {
        File.WriteAllText(Path.Combine(Prompts, "routes", "extra.yaml"), "route: maybe\nexamples:\n  - \"hello there\"\n");

        var (code, _, error) = await IndexAsync();

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("extra.yaml:1: unknown route 'maybe'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Root, "current")));
    }

    [Fact]
    public async Task Index_QueryFocusFileMissing_RefusesNamingItAndBuildsNothing()
    {
        File.Delete(Path.Combine(Prompts, "query-focus.yaml"));

        var (code, _, error) = await IndexAsync();

        Assert.Equal(1, code);
        Assert.Contains("query-focus.yaml", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Root, "current")));
    }
}
