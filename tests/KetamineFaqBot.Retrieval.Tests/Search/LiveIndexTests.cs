using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Tests.TestSupport;
using KetamineFaqBot.Retrieval.Versioning;

namespace KetamineFaqBot.Retrieval.Tests.Search;

public sealed class LiveIndexTests : IDisposable
{
    private const string NewPassageId = "costs#infusion-prices";

    private readonly TempFolder temp = new();
    private readonly IndexBuilder builder = new(timeProvider: new SteppingTimeProvider());

    public void Dispose() => temp.Dispose();

    private string Root => temp.Combine("index");

    private IndexBuildResult BuildFirst() => builder.Build(TestCorpus.Standard(), new IndexBuildOptions { Root = Root });

    /// <summary>The standard corpus plus a document whose words appear nowhere in the first version.</summary>
    private IndexBuildResult BuildSecond()
    {
        var costs = TestCorpus.Document(
            "costs", "Costs", TestCorpus.Section("costs", "Costs", "Infusion prices", "A ketamine infusion usually costs between four and eight hundred dollars."));
        return builder.Build(TestCorpus.Snapshot([.. TestCorpus.StandardDocuments(), costs]), new IndexBuildOptions { Root = Root });
    }

    [Fact]
    public void Constructor_MissingRoot_ThrowsIndexNotFound()
    {
        var error = Assert.Throws<IndexNotFoundException>(() => new LiveIndex(temp.Combine("missing")));

        Assert.Contains("kfaq index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingCurrentPointer_ThrowsIndexNotFound()
    {
        Directory.CreateDirectory(Root);

        Assert.Throws<IndexNotFoundException>(() => new LiveIndex(Root));
    }

    [Fact]
    public void Constructor_CurrentNamesMissingVersion_ThrowsIndexNotFound()
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "current"), "20260101000000-0123abcd");

        var error = Assert.Throws<IndexNotFoundException>(() => new LiveIndex(Root));

        Assert.Contains("20260101000000-0123abcd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BuiltIndex_ServesCurrentVersion()
    {
        var first = BuildFirst();

        using var live = new LiveIndex(Root);

        Assert.Equal(first.Version, live.CorpusVersion);
        Assert.Equal(6, live.Passages.Count);
        Assert.Equal("safety#faq-1", live.Search("Is ketamine addictive?")[0].Passage.Id);
    }

    [Fact]
    public void TryReload_PointerUnchanged_ReturnsTrueWithoutSwap()
    {
        var first = BuildFirst();
        using var live = new LiveIndex(Root);
        var swaps = 0;
        live.Swapped += (_, _) => swaps++;

        Assert.True(live.TryReload(out var error));

        Assert.Null(error);
        Assert.Equal(0, swaps);
        Assert.Equal(first.Version, live.CorpusVersion);
    }

    [Fact]
    public async Task TryReload_NewVersionWhileSearchesRun_SwapsWithoutErrorsOrEmptyResults()
    {
        BuildFirst();
        using var live = new LiveIndex(Root);
        const int Workers = 4;
        const int SearchesAfterSwap = 50;
        const int MaxSearches = 200_000;
        using var allStarted = new CountdownEvent(Workers);
        var swapped = 0;
        var emptyResults = 0;
        var sawNewVersion = new bool[Workers];

        var tasks = Enumerable.Range(0, Workers).Select(worker => Task.Run(() =>
        {
            var afterSwap = 0;
            var signalled = false;
            try
            {
                for (var i = 0; i < MaxSearches && afterSwap < SearchesAfterSwap; i++)
                {
                    var afterThisSearch = Volatile.Read(ref swapped) == 1;
                    var hits = live.Search("ketamine treatment");
                    if (hits.Count == 0)
                    {
                        Interlocked.Increment(ref emptyResults);
                    }

                    if (!signalled)
                    {
                        signalled = true;
                        allStarted.Signal();
                    }

                    if (afterThisSearch)
                    {
                        afterSwap++;
                        sawNewVersion[worker] |= hits.Any(h => h.Passage.Id == NewPassageId);
                    }
                }
            }
            finally
            {
                // A worker that failed before its first result must not leave the test waiting.
                if (!signalled)
                {
                    allStarted.Signal();
                }
            }
        })).ToArray();

        Assert.True(allStarted.Wait(TimeSpan.FromSeconds(60)));
        var second = BuildSecond();
        var reloaded = live.TryReload(out var error);
        Volatile.Write(ref swapped, 1);
        await Task.WhenAll(tasks);

        Assert.True(reloaded, error);
        Assert.Equal(0, emptyResults);
        Assert.All(sawNewVersion, Assert.True);
        Assert.Equal(second.Version, live.CorpusVersion);
        Assert.Contains(NewPassageId, live.Passages.Keys);
        Assert.Equal(NewPassageId, live.Search("How much does an infusion cost?")[0].Passage.Id);
    }

    [Fact]
    public void TryReload_AfterSwap_OldVersionDisposedOnlyWhenLastSearchReleases()
    {
        BuildFirst();
        using var live = new LiveIndex(Root);
        var inFlight = live.AcquireLease();
        BuildSecond();

        Assert.True(live.TryReload(out _));
        Assert.NotEmpty(inFlight.Retriever.Search("ketamine"));

        inFlight.Release();
        Assert.Throws<ObjectDisposedException>(() => inFlight.Retriever.Search("ketamine"));
    }

    [Theory]
    [InlineData("passages.json")]
    [InlineData("manifest.json")]
    [InlineData("index/*.si")]
    public void TryReload_VersionWithDeletedFile_RejectedAndOldKeepsServing(string file)
    {
        var first = BuildFirst();
        using var live = new LiveIndex(Root);
        var second = BuildSecond();
        var directory = Path.Combine(second.VersionPath, Path.GetDirectoryName(file) ?? string.Empty);
        File.Delete(Assert.Single(Directory.GetFiles(directory, Path.GetFileName(file))));
        var swaps = 0;
        live.Swapped += (_, _) => swaps++;

        var reloaded = live.TryReload(out var error);

        Assert.False(reloaded);
        Assert.Contains(second.Version, error, StringComparison.Ordinal);
        Assert.Equal(0, swaps);
        Assert.Equal(first.Version, live.CorpusVersion);
        Assert.Equal("safety#faq-1", live.Search("Is ketamine addictive?")[0].Passage.Id);
        Assert.DoesNotContain(NewPassageId, live.Passages.Keys);
    }

    [Fact]
    public void TryReload_PointerToMissingVersion_ReturnsFalseAndOldKeepsServing()
    {
        var first = BuildFirst();
        using var live = new LiveIndex(Root);
        File.WriteAllText(Path.Combine(Root, "current"), "20991231235959-0123abcd");

        Assert.False(live.TryReload(out var error));

        Assert.Contains("20991231235959-0123abcd", error, StringComparison.Ordinal);
        Assert.Equal(first.Version, live.CorpusVersion);
        Assert.NotEmpty(live.Search("ketamine"));
    }

    [Fact]
    public void TryReload_AfterRollback_ServesOlderVersion()
    {
        var first = BuildFirst();
        BuildSecond();
        using var live = new LiveIndex(Root);
        Assert.Contains(NewPassageId, live.Passages.Keys);

        new IndexVersions(Root).SetCurrent(first.Version);

        Assert.True(live.TryReload(out _));
        Assert.Equal(first.Version, live.CorpusVersion);
        Assert.DoesNotContain(NewPassageId, live.Passages.Keys);
    }

    [Fact]
    public async Task Watch_PointerMoves_SwapsWithoutExplicitReload()
    {
        BuildFirst();
        using var live = new LiveIndex(Root);
        var swapped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Swapped += (_, _) => swapped.TrySetResult();
        live.Watch(TimeSpan.FromMilliseconds(100));

        var second = BuildSecond();

        // A bounded wait for the signal, not a timing assertion: the poll alone fires every 100 ms.
        await swapped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(second.Version, live.CorpusVersion);
    }

    [Fact]
    public void Search_AfterDispose_ThrowsObjectDisposed()
    {
        BuildFirst();
        var live = new LiveIndex(Root);

        live.Dispose();

        Assert.Throws<ObjectDisposedException>(() => live.Search("ketamine"));
    }
}
