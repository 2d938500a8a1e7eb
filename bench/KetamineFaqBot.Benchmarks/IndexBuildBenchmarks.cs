using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Indexing;

namespace KetamineFaqBot.Benchmarks;

/// <summary>
/// <c>kfaq index</c>'s work (read and lint the corpus folder, build, validate and activate a version) for the shipped
/// corpus and for a synthetic corpus of 30,000 passages. Each build goes to a new root, so nothing is reused.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, id: "IndexBuild")]
public class IndexBuildBenchmarks
{
    /// <summary>Passages in the synthetic corpus.</summary>
    public const int SyntheticPassages = 30_000;

    private string work = string.Empty;
    private string syntheticCorpus = string.Empty;
    private string root = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        work = Path.Combine(Path.GetTempPath(), "kfaq-bench-build-" + Guid.NewGuid().ToString("N"));
        syntheticCorpus = Path.Combine(work, "corpus");
        SyntheticCorpus.Write(syntheticCorpus, SyntheticPassages, seed: 20261126);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(work, recursive: true);

    [IterationSetup]
    public void NewRoot() => root = Path.Combine(work, "index-" + Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void DeleteRoot()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Benchmark(Description = "index build, shipped corpus")]
    public int ShippedCorpus() => Build(Path.Combine(BenchmarkCorpus.RepositoryRoot(), "corpus"));

    [Benchmark(Description = "index build, 30,000 synthetic passages")]
    public int Synthetic30k() => Build(syntheticCorpus);

    private int Build(string corpus)
    {
        var load = CorpusLoader.Load(corpus, new CorpusLoadOptions());
        if (load.ErrorCount > 0)
        {
            throw new InvalidOperationException($"{corpus}: {load.ErrorCount} lint errors, first: {load.Findings[0].Message}");
        }

        return new IndexBuilder().Build(load.Snapshot!, new IndexBuildOptions { Root = root }).Manifest.PassageCount;
    }
}
