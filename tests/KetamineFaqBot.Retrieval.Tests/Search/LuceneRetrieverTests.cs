using System.Text.Json.Nodes;
using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Tests.TestSupport;

namespace KetamineFaqBot.Retrieval.Tests.Search;

public sealed class LuceneRetrieverTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly IndexBuildResult built;
    private readonly LuceneRetriever retriever;

    public LuceneRetrieverTests()
    {
        built = new IndexBuilder().Build(TestCorpus.Standard(), new IndexBuildOptions { Root = temp.Combine("index") });
        retriever = LuceneRetriever.Open(built.VersionPath);
    }

    public void Dispose()
    {
        retriever.Dispose();
        temp.Dispose();
    }

    private string[] Ids(string query, int top = 10) => [.. retriever.Search(query, top).Select(h => h.Passage.Id)];

    [Fact]
    public void Open_BuiltVersion_ServesAllPassagesAndVersion()
    {
        Assert.Equal(built.Version, retriever.CorpusVersion);
        Assert.Equal(6, retriever.Passages.Count);
        Assert.Equal("Repeated recreational use can lead to addiction. In the clinic every dose is supervised.", retriever.Passages["safety#risk-of-misuse"].Text);
    }

    [Fact]
    public void Search_QuestionMatchingFaqPhrasing_RanksFaqFirst()
    {
        var hits = retriever.Search("Is ketamine addictive?");

        Assert.Equal("safety#faq-1", hits[0].Passage.Id);
        Assert.Contains(hits, h => h.Passage.Id == "safety#risk-of-misuse");
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Search_Results_OrderedByDescendingScore()
    {
        var scores = retriever.Search("ketamine treatment depression").Select(h => h.Score).ToArray();

        Assert.True(scores.Length > 2);
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void Search_Electroshock_FindsPassageSayingEct()
    {
        Assert.Equal("options#compared-with-ect", Ids("electroshock").First());
    }

    [Fact]
    public void Search_Hooked_FindsPassageSayingAddiction()
    {
        Assert.Contains("safety#risk-of-misuse", Ids("hooked"));
    }

    [Fact]
    public void Search_MultiWordPhrase_FindsPassageSayingAbbreviation()
    {
        Assert.Contains("options#who-is-eligible", Ids("treatment-resistant depression"));
    }

    [Fact]
    public void Search_Abbreviation_FindsPassageSayingMultiWordPhrase()
    {
        var ids = Ids("TRD");

        Assert.Contains("options#nasal-spray", ids);
        Assert.Contains("options#who-is-eligible", ids);
    }

    [Fact]
    public void Search_InflectedForm_MatchesOtherFormOfSameStem()
    {
        Assert.Contains("safety#risk-of-misuse", Ids("addictive"));
    }

    [Fact]
    public void Search_PossessiveAndCase_Normalised()
    {
        Assert.Contains("options#nasal-spray", Ids("ESKETAMINE'S"));
    }

    [Fact]
    public void Search_WordInNoPassage_ReturnsEmpty()
    {
        Assert.Empty(retriever.Search("zebra"));
    }

    [Fact]
    public void Search_TopLimit_ReturnsAtMostTop()
    {
        Assert.Single(retriever.Search("ketamine", top: 1));
        Assert.Empty(retriever.Search("ketamine", top: 0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the and of")]
    [InlineData("Is it a ... ?")]
    public void Search_EmptyOrStopWordsOnly_ReturnsEmpty(string query)
    {
        Assert.Empty(retriever.Search(query));
    }

    [Theory]
    [InlineData("ketamine\"")]
    [InlineData("(ketamine")]
    [InlineData("ketamine AND OR NOT")]
    [InlineData("ketamine* ?ketamine ~2")]
    [InlineData("ketamine^10 [1 TO 5] {a TO b}")]
    [InlineData("side effects: \\ / ! && || - + ketamine:")]
    [InlineData("\u2603 \ud83d\udc8a ketamine \u0000 \u200b")]
    [InlineData("@bot <at>Bot</at> ketamine?")]
    public void Search_QuerySyntaxCharacters_DoNotThrowAndStillMatchWords(string query)
    {
        var hits = retriever.Search(query);

        Assert.NotEmpty(hits);
    }

    [Fact]
    public void Search_VeryLongQuery_DoesNotExceedClauseLimit()
    {
        var words = string.Join(' ', Enumerable.Range(0, 3000).Select(i => "word" + i)) + " ketamine";

        var hits = retriever.Search(words);

        Assert.NotNull(hits);
    }

    [Fact]
    public void Search_ParallelThreads_EachGetSameRanking()
    {
        var expected = Ids("Is ketamine addictive?");

        var results = new string[16][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = Ids("Is ketamine addictive?"));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Search_TermLookupsReused_SameHitsAndScoresAsFreshLookups()
    {
        string[] queries =
        [
            "Is ketamine addictive?", "ketamine treatment depression", "electroshock", "hooked", "supervised recreational use",
            "Is ketamine addictive?", "ketamine's risks for patients", "ECT or ketamine", "hooked",
        ];

        // Twice over, and from several threads, so most lookups come from the cache.
        var cached = new List<(string Id, float Score)>[queries.Length * 2];
        Parallel.For(0, cached.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => cached[i] = [.. retriever.Search(queries[i % queries.Length], 10).Select(h => (h.Passage.Id, h.Score))]);

        for (var i = 0; i < cached.Length; i++)
        {
            var fresh = retriever.SearchWithoutCachedLookups(queries[i % queries.Length], 10).Select(h => (h.Passage.Id, h.Score)).ToList();
            Assert.NotEmpty(fresh);
            Assert.Equal(fresh, cached[i]);
        }
    }

    [Fact]
    public void Search_AfterDispose_ThrowsObjectDisposed()
    {
        using var other = LuceneRetriever.Open(built.VersionPath);
        other.Dispose();

        Assert.Throws<ObjectDisposedException>(() => other.Search("ketamine"));
    }

    [Fact]
    public void Search_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => retriever.Search("ketamine", cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Open_VersionFolderDeletedAfterOpen_StillServes()
    {
        Directory.Delete(built.VersionPath, recursive: true);

        Assert.NotEmpty(retriever.Search("ketamine"));
    }

    [Theory]
    [InlineData("passages.json")]
    [InlineData("manifest.json")]
    public void Open_MissingVersionFile_ThrowsInvalidData(string file)
    {
        File.Delete(Path.Combine(built.VersionPath, file));

        Assert.Throws<InvalidDataException>(() => LuceneRetriever.Open(built.VersionPath));
    }

    [Fact]
    public void Open_MissingLuceneFile_ThrowsInvalidData()
    {
        var segmentInfo = Assert.Single(Directory.GetFiles(Path.Combine(built.VersionPath, "index"), "*.si"));
        File.Delete(segmentInfo);

        Assert.Throws<InvalidDataException>(() => LuceneRetriever.Open(built.VersionPath));
    }

    [Fact]
    public void Open_PassageCountDiffersFromManifest_ThrowsInvalidData()
    {
        var file = Path.Combine(built.VersionPath, "passages.json");
        File.WriteAllText(file, "[]");

        var error = Assert.Throws<InvalidDataException>(() => LuceneRetriever.Open(built.VersionPath));

        Assert.Contains("manifest says 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PassageWithReviewDate_ServesTheDate()
    {
        var passage = TestCorpus.Section("dated", "Dated document", "Reviewed section", "Ketamine infusions are supervised.") with
        {
            ReviewedOn = new DateOnly(2026, 11, 20),
        };
        var dated = new IndexBuilder().Build(
            TestCorpus.Snapshot(TestCorpus.Document("dated", "Dated document", passage)), new IndexBuildOptions { Root = temp.Combine("dated") });

        using var opened = LuceneRetriever.Open(dated.VersionPath);

        Assert.Equal(new DateOnly(2026, 11, 20), opened.Passages[passage.Id].ReviewedOn);
    }

    [Fact]
    public void Open_PassagesWrittenWithoutReviewDates_LoadWithNoDate()
    {
        // A version built before passages carried their document's review date.
        var file = Path.Combine(built.VersionPath, "passages.json");
        var passages = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        Assert.All(passages, p => Assert.True(p!.AsObject().Remove("reviewedOn")));
        File.WriteAllText(file, passages.ToJsonString());

        using var opened = LuceneRetriever.Open(built.VersionPath);

        Assert.Equal(6, opened.Passages.Count);
        Assert.All(opened.Passages.Values, p => Assert.Null(p.ReviewedOn));
    }
}
