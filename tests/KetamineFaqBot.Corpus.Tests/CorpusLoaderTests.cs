using KetamineFaqBot.Corpus.Linting;
using KetamineFaqBot.Corpus.Tests.TestSupport;

namespace KetamineFaqBot.Corpus.Tests;

public sealed class CorpusLoaderTests : IDisposable
{
    private static readonly FixedTimeProvider Today = FixedTimeProvider.On(2026, 11, 26);

    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Load_ExpiredDocument_IsNotServedButOthersAre()
    {
        _corpus.WriteDocument("current");
        _corpus.WriteDocument("stale", frontMatterExtra: ["reviewed_on: 2024-01-01", "review_due: 2025-01-01"]);

        var result = CorpusLoader.Load(_corpus.Folder, new CorpusLoadOptions(), Today);

        Assert.Equal(["current"], result.Snapshot!.Documents.Select(d => d.Id));
        Assert.Equal((1, 0), (result.ErrorCount, result.WarningCount));
    }

    [Fact]
    public void Load_ExpiredDocumentWithAllowExpired_IsServedWithWarning()
    {
        _corpus.WriteDocument("stale", frontMatterExtra: ["reviewed_on: 2024-01-01", "review_due: 2025-01-01"]);

        var result = CorpusLoader.Load(_corpus.Folder, new CorpusLoadOptions { AllowExpired = true }, Today);

        Assert.Equal(["stale"], result.Snapshot!.Documents.Select(d => d.Id));
        Assert.Equal((0, 1), (result.ErrorCount, result.WarningCount));
    }

    [Fact]
    public void Load_DuplicateId_ServesFirstFileOnly()
    {
        var first = _corpus.WriteDocument("cost");
        _corpus.Write("zz.md", File.ReadAllText(first));

        var result = CorpusLoader.Load(_corpus.Folder, new CorpusLoadOptions(), Today);

        Assert.Equal(["cost.md"], result.Snapshot!.Documents.Select(d => d.Path));
        Assert.Equal(LintRules.IdDuplicate, Assert.Single(result.Findings).Rule);
    }

    [Fact]
    public void Load_SnapshotHash_ExcludesUnservedDocuments()
    {
        _corpus.WriteDocument("current");
        var alone = CorpusLoader.Load(_corpus.Folder, new CorpusLoadOptions(), Today).Snapshot!.ContentHash;
        _corpus.WriteDocument("bad", frontMatterExtra: "topic: unknown-topic");

        var withBad = CorpusLoader.Load(_corpus.Folder, new CorpusLoadOptions(), Today);

        Assert.Equal(alone, withBad.Snapshot!.ContentHash);
        Assert.Equal(1, withBad.ErrorCount);
    }

    [Fact]
    public void Load_NothingServable_ReturnsNullSnapshot()
    {
        _corpus.WriteDocument("bad", frontMatterExtra: "audience: robots");

        var result = CorpusLoader.Load(_corpus.Folder, new CorpusLoadOptions(), Today);

        Assert.Null(result.Snapshot);
    }
}
