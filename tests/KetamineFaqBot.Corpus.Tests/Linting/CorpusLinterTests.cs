using KetamineFaqBot.Corpus.Linting;
using KetamineFaqBot.Corpus.Reading;
using KetamineFaqBot.Corpus.Tests.TestSupport;

namespace KetamineFaqBot.Corpus.Tests.Linting;

public sealed class CorpusLinterTests : IDisposable
{
    private static readonly CorpusLinter Linter = new(FixedTimeProvider.On(2026, 11, 26));

    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private IReadOnlyList<LintFinding> Lint(bool allowExpired = false) => Linter.Lint(CorpusReader.Read(_corpus.Folder), allowExpired);

    [Fact]
    public void Lint_ValidCorpus_HasNoFindings()
    {
        _corpus.WriteDocument("one", faq: "  - questions:\n      - First?\n    answer: Yes.\n");
        _corpus.WriteDocument("two", faq: "  - questions:\n      - Second?\n    answer: No.\n");
        _corpus.Write("synonyms.txt", "cost, price\n");

        Assert.Empty(Lint());
    }

    [Fact]
    public void Lint_TopicOutsideVocabulary_ReportsTopicUnknownOnItsLine()
    {
        var path = _corpus.WriteDocument("doc", frontMatterExtra: "topic: dosing");

        var finding = Assert.Single(Lint());

        Assert.Equal((path, 4, LintRules.TopicUnknown, LintSeverity.Error), (finding.File, finding.Line, finding.Rule, finding.Severity));
        Assert.Contains("'dosing'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_AudienceOutsideVocabulary_ReportsAudienceUnknown()
    {
        _corpus.WriteDocument("doc", frontMatterExtra: "audience: everyone");

        var finding = Assert.Single(Lint());

        Assert.Equal((LintRules.AudienceUnknown, 5), (finding.Rule, finding.Line));
    }

    [Fact]
    public void Lint_SameIdInTwoFiles_ReportsDuplicateOnSecondFile()
    {
        var first = _corpus.WriteDocument("cost");
        var second = _corpus.Write("zz-cost-copy.md", File.ReadAllText(first));

        var finding = Assert.Single(Lint());

        Assert.Equal((second, LintRules.IdDuplicate, LintSeverity.Error), (finding.File, finding.Rule, finding.Severity));
        Assert.Contains(first, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ReviewDuePassed_IsError()
    {
        _corpus.WriteDocument("doc", frontMatterExtra: ["reviewed_on: 2025-01-01", "review_due: 2026-11-25"]);

        var finding = Assert.Single(Lint());

        Assert.Equal((LintRules.ReviewExpired, LintSeverity.Error, 10), (finding.Rule, finding.Severity, finding.Line));
    }

    [Fact]
    public void Lint_ReviewDuePassedWithAllowExpired_IsWarning()
    {
        _corpus.WriteDocument("doc", frontMatterExtra: ["reviewed_on: 2025-01-01", "review_due: 2026-11-25"]);

        var finding = Assert.Single(Lint(allowExpired: true));

        Assert.Equal((LintRules.ReviewExpired, LintSeverity.Warning), (finding.Rule, finding.Severity));
    }

    [Fact]
    public void Lint_ReviewDueToday_IsStillValid()
    {
        _corpus.WriteDocument("doc", frontMatterExtra: ["reviewed_on: 2025-01-01", "review_due: 2026-11-26"]);

        Assert.Empty(Lint());
    }

    [Fact]
    public void Lint_ReviewDueBeforeReviewedOn_ReportsDatesOrder()
    {
        _corpus.WriteDocument("doc", frontMatterExtra: ["reviewed_on: 2027-12-01", "review_due: 2027-11-20"]);

        var finding = Assert.Single(Lint());

        Assert.Equal(LintRules.ReviewDatesOrder, finding.Rule);
    }

    [Fact]
    public void Lint_SamePhrasingInTwoFiles_IgnoringCaseAndPunctuation_Warns()
    {
        _corpus.WriteDocument("a", faq: "  - questions:\n      - Is ketamine addictive?\n    answer: Low risk.\n");
        var second = _corpus.WriteDocument("b", faq: "  - questions:\n      - \"IS KETAMINE  ADDICTIVE\"\n    answer: Low risk.\n");

        var finding = Assert.Single(Lint());

        Assert.Equal((second, LintRules.FaqDuplicateQuestion, LintSeverity.Warning), (finding.File, finding.Rule, finding.Severity));
        Assert.Contains("IS KETAMINE  ADDICTIVE", File.ReadAllLines(second)[finding.Line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ReaderFindings_AreIncludedAndOrderedByFileThenLine()
    {
        _corpus.WriteDocument("b", frontMatterExtra: ["topic: nope", "audience: nobody"]);
        _corpus.Write("a.md", "no front matter\n");

        var findings = Lint();

        Assert.Equal([LintRules.FrontMatterMissing, LintRules.TopicUnknown, LintRules.AudienceUnknown], findings.Select(f => f.Rule));
    }

    [Fact]
    public void Lint_MissingFolder_ReportsFolderMissing()
    {
        var findings = Linter.Lint(CorpusReader.Read(Path.Combine(_corpus.Folder, "missing")));

        Assert.Equal(LintRules.FolderMissing, Assert.Single(findings).Rule);
    }
}
