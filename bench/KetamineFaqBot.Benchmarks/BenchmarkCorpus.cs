using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Indexing;

namespace KetamineFaqBot.Benchmarks;

/// <summary>The shipped corpus indexed into a temp folder, and the questions every benchmark asks.</summary>
public static class BenchmarkCorpus
{
    public static readonly string[] Questions =
    [
        "is ketamine addictive?",
        "what are the side effects of ketamine therapy",
        "how does ketamine compare with ECT for treatment-resistant depression",
        "is ketamine treatment covered by insurance",
        "how can I find a ketamine clinical trial",
        "what precautions do clinics take to prevent misuse",
    ];

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KetamineFaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    /// <summary>Builds the index and returns its root and the current version's folder.</summary>
    public static (string Root, string VersionPath) BuildIndex()
    {
        var root = Path.Combine(Path.GetTempPath(), "kfaq-bench-" + Guid.NewGuid().ToString("N"));
        var load = CorpusLoader.Load(Path.Combine(RepositoryRoot(), "corpus"), new CorpusLoadOptions());
        var result = new IndexBuilder().Build(load.Snapshot!, new IndexBuildOptions { Root = root });
        return (root, result.VersionPath);
    }
}
