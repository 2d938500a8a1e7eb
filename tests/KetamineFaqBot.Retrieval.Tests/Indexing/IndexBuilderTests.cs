using System.Text.Json;
using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Tests.TestSupport;
using KetamineFaqBot.Retrieval.Versioning;

namespace KetamineFaqBot.Retrieval.Tests.Indexing;

public sealed class IndexBuilderTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly IndexBuilder builder = new(timeProvider: new SteppingTimeProvider());

    public void Dispose() => temp.Dispose();

    private IndexBuildOptions Options(int keep = 5) => new() { Root = temp.Combine("index"), KeepVersions = keep, ToolVersion = "test-1.2.3" };

    [Fact]
    public void Build_NewCorpus_WritesManifestPassagesAndCurrentPointer()
    {
        var snapshot = TestCorpus.Standard();

        var result = builder.Build(snapshot, Options());

        Assert.Equal(IndexBuildStatus.Built, result.Status);
        Assert.Equal("20260115090000-" + snapshot.ContentHash[..8], result.Version);
        Assert.Equal(temp.Combine("index", "versions", result.Version), result.VersionPath);
        Assert.Equal(result.Version, File.ReadAllText(temp.Combine("index", "current")));

        using var manifestJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.VersionPath, "manifest.json")));
        var manifest = manifestJson.RootElement;
        Assert.Equal(result.Version, manifest.GetProperty("version").GetString());
        Assert.Equal(snapshot.ContentHash, manifest.GetProperty("corpusContentHash").GetString());
        Assert.Equal(6, manifest.GetProperty("passageCount").GetInt32());
        Assert.Equal(1, manifest.GetProperty("faqCount").GetInt32());
        Assert.Equal("test-1.2.3", manifest.GetProperty("toolVersion").GetString());
        Assert.StartsWith("4.8.0", manifest.GetProperty("luceneVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), manifest.GetProperty("builtAtUtc").GetDateTimeOffset());
        var documents = manifest.GetProperty("documents").EnumerateArray().ToArray();
        Assert.Equal(["options.md", "safety.md"], documents.Select(d => d.GetProperty("path").GetString()));
        Assert.Equal(snapshot.Documents[1].ContentHash, documents[1].GetProperty("hash").GetString());
        Assert.Equal("safety", documents[1].GetProperty("id").GetString());

        using var passagesJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.VersionPath, "passages.json")));
        var passages = passagesJson.RootElement.EnumerateArray().ToArray();
        Assert.Equal(snapshot.Passages.Select(p => p.Id), passages.Select(p => p.GetProperty("id").GetString()));
        var faq = passages.Single(p => p.GetProperty("id").GetString() == "safety#faq-1");
        Assert.Equal("Faq", faq.GetProperty("kind").GetString());
        Assert.Equal(2, faq.GetProperty("questions").GetArrayLength());

        Assert.Equal(["options.md", "safety.md"], result.Changes.Added);
        Assert.True(Directory.Exists(Path.Combine(result.VersionPath, "index")));
    }

    [Fact]
    public void Build_PassagesJson_RoundTripsIntoRetrieverUnchanged()
    {
        var snapshot = TestCorpus.Standard();
        var result = builder.Build(snapshot, Options());

        using var retriever = LuceneRetriever.Open(result.VersionPath);

        foreach (var passage in snapshot.Passages)
        {
            var loaded = retriever.Passages[passage.Id];
            Assert.Equal(passage with { Questions = [] }, loaded with { Questions = [] });
            Assert.Equal(passage.Questions, loaded.Questions);
        }
    }

    [Fact]
    public void Build_UnchangedCorpus_ReturnsNoChangeWithoutNewFolder()
    {
        var first = builder.Build(TestCorpus.Standard(), Options());

        var second = builder.Build(TestCorpus.Standard(), Options());

        Assert.Equal(IndexBuildStatus.NoChange, second.Status);
        Assert.Equal(first.Version, second.Version);
        Assert.True(second.Changes.IsEmpty);
        Assert.Single(Directory.GetDirectories(temp.Combine("index", "versions")));
        Assert.Equal(first.Version, File.ReadAllText(temp.Combine("index", "current")));
    }

    [Fact]
    public void Build_ChangedCorpus_WritesNewVersionMovesPointerAndReportsChanges()
    {
        var first = builder.Build(TestCorpus.Standard(), Options());
        var documents = TestCorpus.StandardDocuments();
        documents[0] = TestCorpus.Document("safety", "Safety", TestCorpus.Section("safety", "Safety", "Monitoring", "Blood pressure is checked before and after."));
        var added = TestCorpus.Document("costs", "Costs", TestCorpus.Section("costs", "Costs", "Insurance", "Insurance rarely covers infusions."));

        var second = builder.Build(TestCorpus.Snapshot([documents[0], added]), Options());

        Assert.Equal(IndexBuildStatus.Built, second.Status);
        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(second.Version, File.ReadAllText(temp.Combine("index", "current")));
        Assert.True(Directory.Exists(first.VersionPath));
        Assert.Equal(["costs.md"], second.Changes.Added);
        Assert.Equal(["safety.md"], second.Changes.Changed);
        Assert.Equal(["options.md"], second.Changes.Removed);
        Assert.Equal(2, second.Manifest.PassageCount);
    }

    [Fact]
    public void Build_MoreVersionsThanKept_PrunesOldestAndKeepsNewest()
    {
        var built = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var snapshot = TestCorpus.Snapshot(TestCorpus.Document("doc", "Doc", TestCorpus.Section("doc", "Doc", "Part", $"Ketamine revision {i} text.")));
            built.Add(builder.Build(snapshot, Options(keep: 3)).Version);
        }

        var remaining = Directory.GetDirectories(temp.Combine("index", "versions")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(built.Skip(2), remaining);
        Assert.Equal(built[^1], File.ReadAllText(temp.Combine("index", "current")));
    }

    [Fact]
    public void Build_KeepOne_LeavesOnlyTheNewVersion()
    {
        var first = builder.Build(TestCorpus.Snapshot(TestCorpus.Document("doc", "Doc", TestCorpus.Section("doc", "Doc", "Part", "Version one."))), Options(keep: 1));
        var versions = new IndexVersions(temp.Combine("index"));

        var second = builder.Build(TestCorpus.Snapshot(TestCorpus.Document("doc", "Doc", TestCorpus.Section("doc", "Doc", "Part", "Version two."))), Options(keep: 1));

        Assert.Equal([second.Version], versions.List().Select(v => v.Name));
        Assert.Equal([first.Version], second.PrunedVersions);
    }

    [Fact]
    public void Build_SnapshotFailsMidway_RemovesPartialFolderAndLeavesCurrent()
    {
        var good = builder.Build(TestCorpus.Standard(), Options());
        var first = TestCorpus.Section("broken", "Broken", "Start", "Some text.");
        var broken = TestCorpus.Snapshot(TestCorpus.Document("broken", "Broken", new ThrowingPassageList(first), contentHash: new string('b', 64)));

        Assert.Throws<IOException>(() => builder.Build(broken, Options()));

        Assert.Equal([good.Version], Directory.GetDirectories(temp.Combine("index", "versions")).Select(Path.GetFileName));
        Assert.Equal(good.Version, File.ReadAllText(temp.Combine("index", "current")));
        Assert.Empty(Directory.GetFiles(temp.Combine("index"), "current.tmp*"));
    }

    [Fact]
    public void Build_DuplicatePassageIds_ThrowsAndWritesNothing()
    {
        var passage = TestCorpus.Section("doc", "Doc", "Part", "Text.");
        var snapshot = TestCorpus.Snapshot(TestCorpus.Document("doc", "Doc", passage, passage));

        var error = Assert.Throws<InvalidDataException>(() => builder.Build(snapshot, Options()));

        Assert.Contains("doc#part", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(temp.Combine("index", "versions")));
        Assert.False(File.Exists(temp.Combine("index", "current")));
    }

    [Fact]
    public void Build_EmptyCorpus_ThrowsWithClearMessage()
    {
        var error = Assert.Throws<InvalidDataException>(() => builder.Build(TestCorpus.Snapshot(), Options()));

        Assert.Contains("no passages", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("index", "current")));
    }

    [Fact]
    public void Build_CurrentVersionCorrupt_RebuildsInsteadOfNoChange()
    {
        var first = builder.Build(TestCorpus.Standard(), Options());
        File.Delete(Path.Combine(first.VersionPath, "passages.json"));

        var second = builder.Build(TestCorpus.Standard(), Options());

        Assert.Equal(IndexBuildStatus.Built, second.Status);
        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(second.Version, File.ReadAllText(temp.Combine("index", "current")));
    }

    [Fact]
    public void Build_FaqPassage_CountsFaqAndSections()
    {
        var snapshot = TestCorpus.Snapshot(TestCorpus.Document(
            "doc", "Doc",
            TestCorpus.Faq("doc", "Doc", 1, "Answer one.", "Question one?"),
            TestCorpus.Faq("doc", "Doc", 2, "Answer two.", "Question two?"),
            TestCorpus.Section("doc", "Doc", "Part", "Text.")));

        var result = builder.Build(snapshot, Options());

        Assert.Equal(3, result.Manifest.PassageCount);
        Assert.Equal(2, result.Manifest.FaqCount);
        Assert.Single(result.Manifest.Documents);
    }
}
