using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Retrieval.Tests.TestSupport;
using KetamineFaqBot.Semantics.Exemplars;
using KetamineFaqBot.Semantics.Tests.TestSupport;

namespace KetamineFaqBot.Semantics.Tests.Exemplars;

public sealed class ExemplarReaderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Folder => temp.Combine("routes");

    [Fact]
    public void ReadFolder_EveryRoute_ReadsEveryMessageWithFileAndLine()
    {
        ExemplarFiles.Write(Folder, ExemplarFiles.Small);

        var exemplars = ExemplarReader.ReadFolder(Folder);

        Assert.Equal(ExemplarFiles.Small.Values.Sum(m => m.Length), exemplars.Count);
        Assert.Equal(ExemplarReader.Routes.ToHashSet(), exemplars.Select(e => e.Route).ToHashSet());
        foreach (var (route, messages) in ExemplarFiles.Small)
        {
            var read = exemplars.Where(e => e.Route.ToWire() == route).ToList();
            Assert.Equal(messages, read.Select(e => e.Text));
            Assert.All(read, e => Assert.Equal(route + ".yaml", e.File));
            Assert.Equal(Enumerable.Range(4, messages.Length), read.Select(e => e.Line));
        }

        var crisis = Assert.Single(exemplars, e => e.Text == "I want to kill myself");
        Assert.Equal(new Exemplar(Route.Crisis, "I want to kill myself", "crisis.yaml", 4), crisis);
    }

    [Fact]
    public void ReadFolder_MessageWithSurroundingSpaces_IsTrimmed()
    {
        ExemplarFiles.Write(Folder, ExemplarFiles.Small);
        File.WriteAllText(Path.Combine(Folder, "answer.yaml"), ExemplarFiles.Yaml("answer", "   what is ketamine   "));

        var exemplars = ExemplarReader.ReadFolder(Folder);

        Assert.Equal("what is ketamine", Assert.Single(exemplars, e => e.Route == Route.Answer).Text);
    }

    [Fact]
    public void ReadFolder_InvalidYaml_ThrowsNamingFileAndLine()
    {
        ExemplarFiles.Write(Folder, ExemplarFiles.Small);
        File.WriteAllText(Path.Combine(Folder, "file.yaml"), "route: answer\nexamples:\n  - \"what is ketamine\"\n  - what: is: ketamine\n");

        var error = Assert.Throws<ExemplarFormatException>(() => ExemplarReader.ReadFolder(Folder));

        Assert.Contains("file.yaml:4:", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal("file.yaml", error.File);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void ReadFolder_UnknownRoute_ThrowsNamingFileLineAndRoute()
    {
        ExemplarFiles.Write(Folder, ExemplarFiles.Small);
        File.WriteAllText(Path.Combine(Folder, "desk.yaml"), ExemplarFiles.Yaml("helpdesk", "can you book me in"));

        var error = Assert.Throws<ExemplarFormatException>(() => ExemplarReader.ReadFolder(Folder));

        Assert.StartsWith("desk.yaml:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown route 'helpdesk'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFolder_NoAnswerRoute_IsRejectedAsALabel()
    {
        ExemplarFiles.Write(Folder, ExemplarFiles.Small);
        File.WriteAllText(Path.Combine(Folder, "gaps.yaml"), ExemplarFiles.Yaml("no_answer", "which states allow ketamine clinics"));

        var error = Assert.Throws<ExemplarFormatException>(() => ExemplarReader.ReadFolder(Folder));

        Assert.StartsWith("gaps.yaml:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown route 'no_answer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFolder_SameMessageUnderTwoRoutes_ThrowsNamingBothPlaces()
    {
        var routes = new Dictionary<string, string[]>(ExemplarFiles.Small, StringComparer.Ordinal)
        {
            ["smalltalk"] = ["hi", "thanks so much", " How does ketamine help DEPRESSION "],
        };
        ExemplarFiles.Write(Folder, routes);

        var error = Assert.Throws<ExemplarFormatException>(() => ExemplarReader.ReadFolder(Folder));

        // answer.yaml is read first (file-name order); the later file is the one at fault.
        Assert.StartsWith("smalltalk.yaml:6:", error.Message, StringComparison.Ordinal);
        Assert.Contains("labelled answer in answer.yaml:7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFolder_RouteWithoutExemplars_ThrowsNamingTheRoute()
    {
        var routes = ExemplarFiles.Small.Where(r => r.Key != "emergency").ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        ExemplarFiles.Write(Folder, routes);

        var error = Assert.Throws<ExemplarFormatException>(() => ExemplarReader.ReadFolder(Folder));

        Assert.Contains("no exemplars for route emergency", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFolder_EmptyExamplesList_ThrowsNamingFileAndLine()
    {
        ExemplarFiles.Write(Folder, ExemplarFiles.Small);
        File.WriteAllText(Path.Combine(Folder, "emergency.yaml"), "route: emergency\nexamples: []\n");

        var error = Assert.Throws<ExemplarFormatException>(() => ExemplarReader.ReadFolder(Folder));

        Assert.StartsWith("emergency.yaml:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'examples' is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFolder_FilesInSubFolder_AreRead()
    {
        var top = ExemplarFiles.Small.Where(r => r.Key != "refusal").ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        ExemplarFiles.Write(Folder, top);
        var reviewed = Path.Combine(Folder, "reviewed");
        Directory.CreateDirectory(reviewed);
        File.WriteAllText(Path.Combine(reviewed, "refusal.yaml"), ExemplarFiles.Yaml("refusal", ExemplarFiles.Small["refusal"]));

        var exemplars = ExemplarReader.ReadFolder(Folder);

        var refusals = exemplars.Where(e => e.Route == Route.Refusal).ToList();
        Assert.Equal(ExemplarFiles.Small["refusal"], refusals.Select(e => e.Text));
        Assert.All(refusals, e => Assert.Equal(Path.Combine("reviewed", "refusal.yaml"), e.File));
    }

    [Fact]
    public void ReadFolder_MissingFolder_Throws()
    {
        var error = Assert.Throws<ExemplarFormatException>(() => ExemplarReader.ReadFolder(Folder));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
