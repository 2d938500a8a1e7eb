using KetamineFaqBot.Answering;
using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Semantics;

namespace KetamineFaqBot.Cli.Tests.TestSupport;

/// <summary>
/// An index built from the shipped corpus and route exemplars into a temp folder, once per test process and shared by
/// every test class that asks for it (training the route classifier takes seconds). Build-time vectors come from a cache
/// shared by the test processes of one machine, so the model embeds each text once.
/// </summary>
public sealed class RealIndexFixture
{
    private static readonly Lazy<(string Folder, string Root)> Shared = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Build-time vector cache shared by the test processes of one machine.</summary>
    public static string SharedEmbeddingCache { get; } = Path.Combine(Path.GetTempPath(), "kfaq-test-embedding-cache");

    private readonly (string Folder, string Root) index = Shared.Value;

    public string Folder => index.Folder;

    public string Root => index.Root;

    private static (string Folder, string Root) Build()
    {
        var folder = CliRun.NewTempFolder("kfaq-realindex-");
        var root = Path.Combine(folder, "index");
        var load = CorpusLoader.Load(RepositoryRoot.Path("corpus"), new CorpusLoadOptions());
        var snapshot = load.Snapshot ?? throw new InvalidOperationException("The shipped corpus did not load.");
        var semantic = SemanticLayer.Extension(RepositoryRoot.Path("prompts"), root, SharedEmbeddingCache);
        var gate = new GateCalibrationExtension(new AnsweringOptions(), RepositoryRoot.Path("prompts"));
        new IndexBuilder().Build(snapshot, new IndexBuildOptions { Root = root, Extensions = [semantic, gate] });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return (folder, root);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
