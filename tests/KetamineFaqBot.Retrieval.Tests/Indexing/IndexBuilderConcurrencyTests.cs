using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Tests.TestSupport;

namespace KetamineFaqBot.Retrieval.Tests.Indexing;

/// <summary>Several instances starting on one empty index root at the same moment all build, and all serve one version.</summary>
public sealed class IndexBuilderConcurrencyTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Build_SameCorpusFromFourBuildersInTheSameSecond_AllSucceedWithOneVersion()
    {
        var snapshot = TestCorpus.Standard();
        var root = temp.Combine("index");
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
        using var start = new ManualResetEventSlim();

        var builds = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return new IndexBuilder(timeProvider: clock).Build(snapshot, new IndexBuildOptions { Root = root });
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(builds);

        var version = Assert.Single(results.Select(r => r.Version).Distinct());
        Assert.Equal(version, File.ReadAllText(Path.Combine(root, "current")).Trim());
        Assert.Equal([version], Directory.GetDirectories(Path.Combine(root, "versions")).Select(Path.GetFileName));
        using var live = new LiveIndex(root);
        Assert.Equal(version, live.CorpusVersion);
        Assert.NotEmpty(live.Search("ketamine"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
