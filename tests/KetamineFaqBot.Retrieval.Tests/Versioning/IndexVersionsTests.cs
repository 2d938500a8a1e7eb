using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Tests.TestSupport;
using KetamineFaqBot.Retrieval.Versioning;

namespace KetamineFaqBot.Retrieval.Tests.Versioning;

public sealed class IndexVersionsTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly IndexBuilder builder = new(timeProvider: new SteppingTimeProvider());

    public void Dispose() => temp.Dispose();

    private string Root => temp.Combine("index");

    private IndexBuildResult BuildRevision(int revision) =>
        builder.Build(
            TestCorpus.Snapshot(TestCorpus.Document("doc", "Doc", TestCorpus.Section("doc", "Doc", "Part", $"Ketamine revision {revision}."))),
            new IndexBuildOptions { Root = Root });

    [Fact]
    public void List_SeveralVersions_NewestFirstWithCurrentMarked()
    {
        var first = BuildRevision(1);
        var second = BuildRevision(2);
        Directory.CreateDirectory(Path.Combine(Root, "versions", "not-a-version"));

        var listed = new IndexVersions(Root).List();

        Assert.Equal([second.Version, first.Version], listed.Select(v => v.Name));
        Assert.True(listed[0].IsCurrent);
        Assert.False(listed[1].IsCurrent);
        Assert.Equal(first.Manifest.CorpusContentHash, listed[1].Manifest?.CorpusContentHash);
    }

    [Fact]
    public void List_VersionWithoutManifest_ReportsError()
    {
        var built = BuildRevision(1);
        File.Delete(Path.Combine(built.VersionPath, "manifest.json"));

        var listed = Assert.Single(new IndexVersions(Root).List());

        Assert.Null(listed.Manifest);
        Assert.Contains("manifest.json", listed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SetCurrent_OlderVersion_MovesPointerBack()
    {
        var first = BuildRevision(1);
        BuildRevision(2);
        var versions = new IndexVersions(Root);

        versions.SetCurrent(first.Version);

        Assert.Equal(first.Version, versions.ReadCurrent());
        Assert.Equal(first.Version, versions.GetCurrent());
    }

    [Fact]
    public void SetCurrent_VersionWithUnreadableManifest_ThrowsAndKeepsPointer()
    {
        var first = BuildRevision(1);
        var second = BuildRevision(2);
        File.WriteAllText(Path.Combine(first.VersionPath, "manifest.json"), "{ not json");
        var versions = new IndexVersions(Root);

        Assert.Throws<InvalidDataException>(() => versions.SetCurrent(first.Version));

        Assert.Equal(second.Version, versions.ReadCurrent());
    }

    [Fact]
    public void SetCurrent_MissingVersion_ThrowsIndexNotFound()
    {
        BuildRevision(1);

        Assert.Throws<IndexNotFoundException>(() => new IndexVersions(Root).SetCurrent("20990101000000-abcdef01"));
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("20260101000000-ABCDEF01")]
    [InlineData("")]
    public void SetCurrent_NotAVersionName_ThrowsArgumentException(string name)
    {
        BuildRevision(1);

        Assert.Throws<ArgumentException>(() => new IndexVersions(Root).SetCurrent(name));
    }

    [Fact]
    public void GetCurrent_MissingRoot_ThrowsWithPrintableMessage()
    {
        var error = Assert.Throws<IndexNotFoundException>(() => new IndexVersions(temp.Combine("nowhere")).GetCurrent());

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetCurrent_MissingPointer_ThrowsWithPrintableMessage()
    {
        Directory.CreateDirectory(Root);

        var error = Assert.Throws<IndexNotFoundException>(() => new IndexVersions(Root).GetCurrent());

        Assert.Contains("'current'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetCurrent_PointerToDeletedVersion_ThrowsWithVersionName()
    {
        var built = BuildRevision(1);
        Directory.Delete(built.VersionPath, recursive: true);

        var error = Assert.Throws<IndexNotFoundException>(() => new IndexVersions(Root).GetCurrent());

        Assert.Contains(built.Version, error.Message, StringComparison.Ordinal);
    }
}
