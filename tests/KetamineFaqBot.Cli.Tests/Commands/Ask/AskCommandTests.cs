using System.CommandLine;
using System.Text.Json;
using KetamineFaqBot.Cli.Commands.Ask;

namespace KetamineFaqBot.Cli.Tests.Commands.Ask;

public sealed class AskCommandTests
{
    [Fact]
    public async Task Ask_JsonWithFollowUp_PrintsOneObjectPerTurn()
    {
        var (exit, output, _) = await RunAsync(TestAnswering.Composition, "ask", "--json", "Is ketamine addictive?", "where can I buy it?");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("Is ketamine addictive?", root.GetProperty("question").GetString());
        Assert.Equal("answer", root.GetProperty("route").GetString());
        Assert.Contains("[1]", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        var citation = root.GetProperty("citations")[0];
        Assert.Equal("addiction", citation.GetProperty("id").GetString());
        foreach (var key in new[] { "title", "section", "topic", "source" })
        {
            Assert.False(string.IsNullOrEmpty(citation.GetProperty(key).GetString()));
        }

        Assert.Equal(JsonValueKind.Array, root.GetProperty("suggestions").ValueKind);
        var provenance = root.GetProperty("provenance");
        Assert.Equal("cli-test-v1", provenance.GetProperty("corpusVersion").GetString());
        Assert.Equal("addiction#risk", provenance.GetProperty("passages")[0].GetString());
        Assert.Equal(JsonValueKind.Array, provenance.GetProperty("rules").ValueKind);

        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("refusal", second.RootElement.GetProperty("route").GetString());
    }

    [Fact]
    public async Task Ask_Text_PrintsAnswerAndCitationList()
    {
        var (exit, output, _) = await RunAsync(TestAnswering.Composition, "ask", "Is ketamine addictive?");

        Assert.Equal(0, exit);
        Assert.Contains("[answer · extractive]", output, StringComparison.Ordinal);
        Assert.Contains("[1] Addiction risk — Risk of addiction (addiction#risk; source: Clinic leaflet)", output, StringComparison.Ordinal);
        Assert.Contains("General information, not medical advice.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_PipelineCannotBeBuilt_ExitsTwoWithMessage()
    {
        var (exit, _, error) = await RunAsync(TestAnswering.Broken, "ask", "--root", "/nowhere", "Is ketamine addictive?");

        Assert.Equal(2, exit);
        Assert.Contains("Index folder '/nowhere' does not exist.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NoQuestion_IsAUsageError()
    {
        var (exit, _, _) = await RunAsync(TestAnswering.Composition, "ask");

        Assert.NotEqual(0, exit);
    }

    internal static async Task<(int Exit, string Output, string Error)> RunAsync(Composition.AnsweringComposition composition, params string[] args)
    {
        var root = new RootCommand { AskCommand.Create(composition), KetamineFaqBot.Cli.Commands.Eval.EvalCommand.Create(composition) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
