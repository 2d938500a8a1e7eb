using System.Globalization;
using System.Text.Json;

namespace KetamineFaqBot.Cli.Tests.Commands.Lint;

public sealed class LintCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kfaq-lint-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    public LintCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does not affect other tests.
        }
    }

    // Review dates far from any plausible test-run date keep these tests independent of the clock.
    private void WriteDocument(string id, string topic = "cost", string reviewDue = "2099-01-01") =>
        File.WriteAllText(Path.Combine(_folder, id + ".md"),
            $"---\nid: {id}\ntitle: T\ntopic: {topic}\naudience: both\nsummary: S\nsource: Src\nreviewed_by: Team\n" +
            $"reviewed_on: 1999-01-01\nreview_due: {reviewDue}\nfaq:\n  - questions:\n      - Question about {id}?\n    answer: An answer.\n---\n\n## Heading\n\nText.\n");

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await KfaqApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Lint_CleanCorpus_ExitsZeroWithSummary()
    {
        WriteDocument("cost");
        File.WriteAllText(Path.Combine(_folder, "synonyms.txt"), "cost, price\n");

        var (code, output, error) = await RunAsync("lint", _folder);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("0 error(s), 0 warning(s); 1 document(s) with 2 passage(s) can be served.", output.Trim());
        Assert.Empty(error);
    }

    [Fact]
    public async Task Lint_BrokenCorpus_ExitsOneWithOneLinePerFinding()
    {
        WriteDocument("cost", topic: "dosing");
        File.WriteAllText(Path.Combine(_folder, "synonyms.txt"), "ect => electroshock\n");

        var (code, output, _) = await RunAsync("lint", _folder);

        Assert.Equal(ExitCodes.Findings, code);
        var lines = output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith(Path.Join(_folder, "cost.md") + ":4: error topic-unknown: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(Path.Join(_folder, "synonyms.txt") + ":1: error synonyms-malformed: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2 error(s), 0 warning(s); 0 document(s)", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_ExpiredDocument_FailsUnlessAllowExpired()
    {
        WriteDocument("cost", reviewDue: "2000-01-01");

        var (strictCode, strictOutput, _) = await RunAsync("lint", _folder);
        var (allowCode, allowOutput, _) = await RunAsync("lint", _folder, "--allow-expired");

        Assert.Equal(ExitCodes.Findings, strictCode);
        Assert.Contains(": error review-expired: ", strictOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, allowCode);
        Assert.Contains(": warning review-expired: ", allowOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_Json_WritesOneParsableObjectWithCounts()
    {
        WriteDocument("cost", topic: "dosing");
        WriteDocument("legality", topic: "legality");

        var (code, output, _) = await RunAsync("lint", _folder, "--json");

        Assert.Equal(ExitCodes.Findings, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("warnings").GetInt32());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal(Path.Join(_folder, "cost.md"), finding.GetProperty("file").GetString());
        Assert.Equal(4, finding.GetProperty("line").GetInt32());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("topic-unknown", finding.GetProperty("rule").GetString());
        Assert.Contains("dosing", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MissingFolder_ExitsTwoWithClearMessageAndNoStackTrace()
    {
        var missing = Path.Combine(_folder, "missing");

        var (code, output, error) = await RunAsync("lint", missing);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains($"corpus folder '{missing}' does not exist", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_UnknownOption_ExitsTwo()
    {
        var (code, _, error) = await RunAsync("lint", _folder, "--no-such-option", "extra");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task Lint_FolderWithoutDocuments_ExitsOne()
    {
        var (code, output, _) = await RunAsync("lint", _folder);

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains($"{_folder}: error no-documents: ", output, StringComparison.Ordinal);
    }
}
