using System.Text.Json.Nodes;
using KetamineFaqBot.Cli.Tests.TestSupport;

namespace KetamineFaqBot.Cli.Tests.Commands.Diff;

public sealed class DiffCommandTests : IDisposable
{
    private readonly string _work = CliRun.NewTempFolder("kfaq-diff-");

    public DiffCommandTests()
    {
        Directory.CreateDirectory(CorpusCopy);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Path("corpus")))
        {
            File.Copy(file, Path.Combine(CorpusCopy, Path.GetFileName(file)));
        }
    }

    private string Root => Path.Combine(_work, "index");

    private string CorpusCopy => Path.Combine(_work, "corpus");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Diff_CorpusAsIndexed_NoChangesExit0()
    {
        await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);

        var (code, output, error) = await CliRun.RunAsync("diff", "--corpus", CorpusCopy, "--root", Root);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("Documents: 0 added, 0 removed, 0 changed", output, StringComparison.Ordinal);
        Assert.Contains("No changes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_EditedAddedAndRemovedContent_ListedAndExit1()
    {
        await CliRun.RunAsync("index", "--prompts", CliRun.TestPrompts, "--embedding-cache", RealIndexFixture.SharedEmbeddingCache, "--corpus", CorpusCopy, "--root", Root);
        var cost = Path.Combine(CorpusCopy, "cost.md");
        File.WriteAllText(cost, File.ReadAllText(cost).Replace("Can I afford ketamine treatment?", "Is ketamine treatment affordable?", StringComparison.Ordinal));
        File.Delete(Path.Combine(CorpusCopy, "legality.md"));
        var copy = File.ReadAllText(Path.Combine(CorpusCopy, "access.md")).Replace("id: access", "id: access-extra", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(CorpusCopy, "access-extra.md"), copy);

        var (code, output, _) = await CliRun.RunAsync("diff", "--corpus", CorpusCopy, "--root", Root);
        var (_, json, _) = await CliRun.RunAsync("diff", "--corpus", CorpusCopy, "--root", Root, "--json");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("Documents: 1 added, 1 removed, 1 changed", output, StringComparison.Ordinal);
        Assert.Contains("+ access-extra.md (access-extra)", output, StringComparison.Ordinal);
        Assert.Contains("- legality.md (legality)", output, StringComparison.Ordinal);
        Assert.Contains("~ cost.md (cost)", output, StringComparison.Ordinal);
        Assert.Contains("~ cost#faq-1", output, StringComparison.Ordinal);
        var parsed = JsonNode.Parse(json)!;
        Assert.Contains(parsed["faqEntries"]!.AsArray(), f => (string?)f!["kind"] == "changed" && ((string)f["id"]!).StartsWith("cost#", StringComparison.Ordinal));
        Assert.Contains(parsed["faqEntries"]!.AsArray(), f => (string?)f!["kind"] == "removed" && ((string)f["id"]!).StartsWith("legality#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diff_NoIndex_UsageError()
    {
        var (code, _, error) = await CliRun.RunAsync("diff", "--corpus", CorpusCopy, "--root", Root);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("kfaq diff:", error, StringComparison.Ordinal);
    }
}
