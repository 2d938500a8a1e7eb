using System.Globalization;
using System.Text.Json;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Retrieval.Tests.TestSupport;
using KetamineFaqBot.Retrieval.Versioning;

namespace KetamineFaqBot.Retrieval.Tests.Indexing;

public sealed class IndexExtensionTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly IndexBuilder builder = new(timeProvider: new SteppingTimeProvider());
    private readonly FakeExtension extension = new();

    public void Dispose() => temp.Dispose();

    private string Root => temp.Combine("index");

    private IndexBuildOptions Options(params IIndexExtension[] extensions) => new() { Root = Root, Extensions = extensions };

    private string[] VersionFolders() => [.. Directory.GetDirectories(Path.Combine(Root, "versions")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void Build_WithExtension_WritesItsFolderInsideTheVersion()
    {
        var snapshot = TestCorpus.Standard();

        var result = builder.Build(snapshot, Options(extension));

        var written = File.ReadAllLines(Path.Combine(result.VersionPath, "fake", FakeExtension.DataFile));
        Assert.Equal(snapshot.Passages.Select(p => p.Id), written);
        Assert.Equal(1, extension.Builds);
    }

    [Fact]
    public void Build_ExtensionFittedOnTheVersion_SearchesItWithTheExtensionsBeforeIt()
    {
        var snapshot = TestCorpus.Standard();
        var fitted = new SearchingExtension();

        var result = builder.Build(snapshot, Options(extension, fitted));

        // The version it searched held the corpus's passages and the extension listed before it, not itself.
        Assert.Equal(snapshot.Documents.Sum(d => d.Passages.Count), fitted.PassagesSeen);
        Assert.NotEmpty(fitted.Found);
        Assert.Contains("safety#risk-of-misuse", fitted.Found);
        Assert.True(fitted.SawEarlierExtension);
        using var served = LuceneRetriever.Open(result.VersionPath, [extension, fitted]);
        Assert.Equal(fitted.Found, served.Extension<SearchingExtension.Loaded>()!.Found);
    }

    [Fact]
    public void Build_WithExtension_RecordsItsReportInTheManifest()
    {
        var result = builder.Build(TestCorpus.Standard(), Options(extension));

        var report = Assert.Single(result.Manifest.Extensions ?? []);
        Assert.Equal("fake", report.Name);
        Assert.Equal("inputs-1", report.InputHash);
        Assert.Equal("6", report.Figures["passages"]);

        var reread = Assert.Single(new IndexVersions(Root).ReadManifest(result.Version).Extensions ?? []);
        Assert.Equal(report.Name, reread.Name);
        Assert.Equal(report.InputHash, reread.InputHash);
        Assert.Equal(report.Figures, reread.Figures);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.VersionPath, "manifest.json")));
        var stored = Assert.Single(json.RootElement.GetProperty("extensions").EnumerateArray());
        Assert.Equal("fake", stored.GetProperty("name").GetString());
        Assert.Equal("inputs-1", stored.GetProperty("inputHash").GetString());
    }

    [Fact]
    public void Build_WithoutExtensions_WritesNoExtensionsInTheManifest()
    {
        var result = builder.Build(TestCorpus.Standard(), Options());

        Assert.Null(result.Manifest.Extensions);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.VersionPath, "manifest.json")));
        Assert.False(json.RootElement.TryGetProperty("extensions", out var stored) && stored.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public void Open_VersionWithExtension_ServesWhatLoadReturned()
    {
        var result = builder.Build(TestCorpus.Standard(), Options(extension));

        using var retriever = LuceneRetriever.Open(result.VersionPath, [extension]);

        var loaded = retriever.Extension<FakeExtension.Loaded>();
        Assert.NotNull(loaded);
        Assert.Equal(TestCorpus.Standard().Passages.Select(p => p.Id), loaded.Written);
        Assert.Equal(loaded.Written.Order(StringComparer.Ordinal), loaded.Given);
        Assert.Null(retriever.Extension<string>());
    }

    [Fact]
    public void Open_VersionBuiltWithoutTheExtension_ThrowsNamingIt()
    {
        var result = builder.Build(TestCorpus.Standard(), Options());

        var error = Assert.Throws<InvalidDataException>(() => LuceneRetriever.Open(result.VersionPath, [extension]));

        Assert.Contains("built without 'fake'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameCorpusAndSameInputHash_ReturnsNoChange()
    {
        var first = builder.Build(TestCorpus.Standard(), Options(extension));

        var second = builder.Build(TestCorpus.Standard(), Options(new FakeExtension()));

        Assert.Equal(IndexBuildStatus.NoChange, second.Status);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal([first.Version], VersionFolders());
        Assert.Equal(1, extension.Builds);
    }

    [Fact]
    public void Build_ChangedInputHash_WritesANewVersion()
    {
        var first = builder.Build(TestCorpus.Standard(), Options(extension));
        extension.InputHash = "inputs-2";

        var second = builder.Build(TestCorpus.Standard(), Options(extension));

        Assert.Equal(IndexBuildStatus.Built, second.Status);
        Assert.NotEqual(first.Version, second.Version);
        Assert.NotEqual(first.Version[15..], second.Version[15..]);
        Assert.Equal(second.Version, new IndexVersions(Root).ReadCurrent());
        Assert.Equal("inputs-2", Assert.Single(second.Manifest.Extensions ?? []).InputHash);
        Assert.True(second.Changes.IsEmpty);
        Assert.Equal(2, extension.Builds);
    }

    [Fact]
    public void Build_ExtensionAddedToAnIndexBuiltWithout_WritesANewVersion()
    {
        var first = builder.Build(TestCorpus.Standard(), Options());

        var second = builder.Build(TestCorpus.Standard(), Options(extension));

        Assert.Equal(IndexBuildStatus.Built, second.Status);
        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(second.Version, new IndexVersions(Root).ReadCurrent());
    }

    [Fact]
    public void Build_ExtensionDropped_WritesANewVersion()
    {
        var first = builder.Build(TestCorpus.Standard(), Options(extension));

        var second = builder.Build(TestCorpus.Standard(), Options());

        Assert.Equal(IndexBuildStatus.Built, second.Status);
        Assert.NotEqual(first.Version, second.Version);
        Assert.Null(second.Manifest.Extensions);
    }

    [Fact]
    public void Build_ExtensionLoadThrows_FailsAndLeavesCurrentAndNoPartialFolder()
    {
        var good = builder.Build(TestCorpus.Standard(), Options(extension));
        extension.InputHash = "inputs-2";
        extension.LoadFailure = new InvalidDataException("the fake data is broken");

        var error = Assert.Throws<InvalidDataException>(() => builder.Build(TestCorpus.Standard(), Options(extension)));

        Assert.Contains("the fake data is broken", error.Message, StringComparison.Ordinal);
        Assert.Equal(good.Version, new IndexVersions(Root).ReadCurrent());
        Assert.Equal([good.Version], VersionFolders());
        Assert.Empty(Directory.GetFiles(Root, "current.tmp*"));
    }

    [Fact]
    public void Build_ExtensionLoadThrowsUnexpectedException_FailsAsInvalidDataNamingTheExtension()
    {
        extension.LoadFailure = new FormatException("bad length prefix");

        var error = Assert.Throws<InvalidDataException>(() => builder.Build(TestCorpus.Standard(), Options(extension)));

        Assert.Contains("'fake'", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad length prefix", error.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(error.InnerException);
        Assert.Empty(VersionFolders());
        Assert.False(File.Exists(Path.Combine(Root, "current")));
    }

    [Fact]
    public void Build_ExtensionBuildThrows_FailsAndLeavesCurrentAndNoPartialFolder()
    {
        var good = builder.Build(TestCorpus.Standard(), Options(extension));
        var failing = new FakeExtension { InputHash = "inputs-2", BuildFailure = new InvalidDataException("an exemplar file does not parse") };

        Assert.Throws<InvalidDataException>(() => builder.Build(TestCorpus.Standard(), Options(failing)));

        Assert.Equal(good.Version, new IndexVersions(Root).ReadCurrent());
        Assert.Equal([good.Version], VersionFolders());
    }

    [Fact]
    public void TryReload_ExtensionLoadThrowsUnexpectedException_RejectsTheVersionAndKeepsServing()
    {
        var first = builder.Build(TestCorpus.Standard(), Options(extension));
        using var live = new LiveIndex(Root, extensions: [extension]);
        extension.InputHash = "inputs-2";
        var second = builder.Build(TestCorpus.Standard(), Options(extension));
        extension.LoadFailure = new FormatException("bad length prefix");

        Assert.False(live.TryReload(out var error));

        Assert.Contains(second.Version, error, StringComparison.Ordinal);
        Assert.Contains("bad length prefix", error, StringComparison.Ordinal);
        Assert.Equal(first.Version, live.CorpusVersion);
        Assert.NotNull(live.Extension<FakeExtension.Loaded>());
    }

    [Fact]
    public void TryReload_NewVersionWithExtension_SwapsToWhatItsLoadReturned()
    {
        builder.Build(TestCorpus.Standard(), Options(extension));
        using var live = new LiveIndex(Root, extensions: [extension]);
        var before = live.Extension<FakeExtension.Loaded>();
        var costs = TestCorpus.Document("costs", "Costs", TestCorpus.Section("costs", "Costs", "Prices", "An infusion costs four hundred dollars."));
        var second = builder.Build(TestCorpus.Snapshot([.. TestCorpus.StandardDocuments(), costs]), Options(extension));

        Assert.True(live.TryReload(out var error), error);

        Assert.Equal(second.Version, live.CorpusVersion);
        var after = live.Extension<FakeExtension.Loaded>();
        Assert.NotNull(after);
        Assert.NotSame(before, after);
        Assert.Contains("costs#prices", after.Written);
    }

    /// <summary>Searches the version being built for "addiction" and writes the ids it found; Load reads them back.</summary>
    private sealed class SearchingExtension : IIndexExtension
    {
        public string Name => "searching";

        public string InputHash => "searching-1";

        public int PassagesSeen { get; private set; }

        public IReadOnlyList<string> Found { get; private set; } = [];

        public bool SawEarlierExtension { get; private set; }

        public IndexExtensionReport Build(IndexExtensionBuild build, CancellationToken cancellationToken = default)
        {
            var version = build.OpenVersion();
            PassagesSeen = version.Passages.Count;
            SawEarlierExtension = version.Extension<FakeExtension.Loaded>() is not null;
            Found = [.. version.Search("addiction", cancellationToken: cancellationToken).Select(h => h.Passage.Id)];
            File.WriteAllLines(Path.Combine(build.Folder, "found.txt"), Found);
            return new IndexExtensionReport(Name, InputHash, new Dictionary<string, string>(StringComparer.Ordinal));
        }

        public object Load(string folder, IReadOnlyList<Passage> passages) => new Loaded(File.ReadAllLines(Path.Combine(folder, "found.txt")));

        public sealed record Loaded(IReadOnlyList<string> Found);
    }

    /// <summary>Writes the passage ids into its folder; Load reads them back, or fails as told.</summary>
    private sealed class FakeExtension : IIndexExtension
    {
        public const string DataFile = "passages.txt";

        public string Name => "fake";

        public string InputHash { get; set; } = "inputs-1";

        public Exception? LoadFailure { get; set; }

        public Exception? BuildFailure { get; set; }

        public int Builds { get; private set; }

        public IndexExtensionReport Build(IndexExtensionBuild build, CancellationToken cancellationToken = default)
        {
            var (folder, passages) = (build.Folder, build.Passages);
            Builds++;
            if (BuildFailure is not null)
            {
                throw BuildFailure;
            }

            File.WriteAllLines(Path.Combine(folder, DataFile), passages.Select(p => p.Id));
            var figures = new Dictionary<string, string>(StringComparer.Ordinal) { ["passages"] = passages.Count.ToString(CultureInfo.InvariantCulture) };
            return new IndexExtensionReport(Name, InputHash, figures);
        }

        public object Load(string folder, IReadOnlyList<Passage> passages)
        {
            if (LoadFailure is not null)
            {
                throw LoadFailure;
            }

            return new Loaded(File.ReadAllLines(Path.Combine(folder, DataFile)), [.. passages.Select(p => p.Id)]);
        }

        /// <param name="Written">Passage ids read from the file Build wrote.</param>
        /// <param name="Given">Passage ids Load was given.</param>
        public sealed record Loaded(IReadOnlyList<string> Written, IReadOnlyList<string> Given);
    }
}
