using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Tests.TestSupport;

namespace KetamineFaqBot.Semantics.Tests.TestSupport;

/// <summary>
/// One index version with the semantic layer, built from the small test corpus and four exemplars per route (training
/// takes seconds, so a test class builds it once). Tests that change an index work on a copy of its root.
/// </summary>
public sealed class SemanticIndexFixture : IDisposable
{
    private readonly TempFolder temp = new();

    public SemanticIndexFixture()
    {
        ExemplarFiles.Write(ExemplarFolder, ExemplarFiles.Small);
        Directory.CreateDirectory(Path.GetDirectoryName(UncoveredFile)!);
        File.WriteAllText(UncoveredFile, UncoveredQuestions);
        Extension = new SemanticIndexExtension(ExemplarFolder, SharedEmbeddingCache.Folder, UncoveredFile);
        Build = new IndexBuilder(timeProvider: new SteppingTimeProvider())
            .Build(TestCorpus.Standard(), new IndexBuildOptions { Root = Root, Extensions = [Extension] });
    }

    /// <summary>In-scope questions the test corpus does not answer, for the gate's calibration.</summary>
    public const string UncoveredQuestions = """
        examples:
          - how long does one infusion session take
          - does medicare pay for the nasal spray
          - what is the half-life of ketamine in the blood
          - can ketamine treat migraines
          - who invented ketamine
          - "is ketamine approved by the FDA: yes or no"
        """;

    public static IReadOnlyList<string> UncoveredQuestionsList { get; } =
    [
        "how long does one infusion session take", "does medicare pay for the nasal spray", "what is the half-life of ketamine in the blood",
        "can ketamine treat migraines", "who invented ketamine", "is ketamine approved by the FDA: yes or no",
    ];

    public string ExemplarFolder => temp.Combine("routes");

    public string UncoveredFile => temp.Combine("coverage", "uncovered.yaml");

    /// <summary>Index root holding the one built version.</summary>
    public string Root => temp.Combine("index");

    public SemanticIndexExtension Extension { get; }

    public IndexBuildResult Build { get; }

    /// <summary>A fresh folder for one test, removed with the fixture.</summary>
    public string NewFolder()
    {
        var folder = temp.Combine("test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A copy of the built index root (versions and <c>current</c>) that a test may change.</summary>
    public string CopyRoot()
    {
        var copy = Path.Combine(NewFolder(), "index");
        CopyFolder(Root, copy);
        return copy;
    }

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    public void Dispose() => temp.Dispose();
}
