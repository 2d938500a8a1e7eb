using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Indexing;

namespace KetamineFaqBot.Cli.Tests.TestSupport;

/// <summary>An index built once from the shipped corpus into a temp folder, shared by a test class.</summary>
public sealed class RealIndexFixture : IDisposable
{
    public RealIndexFixture()
    {
        Folder = CliRun.NewTempFolder("kfaq-realindex-");
        Root = Path.Combine(Folder, "index");
        var load = CorpusLoader.Load(RepositoryRoot.Path("corpus"), new CorpusLoadOptions());
        var snapshot = load.Snapshot ?? throw new InvalidOperationException("The shipped corpus did not load.");
        new IndexBuilder().Build(snapshot, new IndexBuildOptions { Root = Root });
    }

    public string Folder { get; }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
