using System.Security.Cryptography;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Corpus.Linting;
using KetamineFaqBot.Corpus.Reading;
using KetamineFaqBot.Corpus.Tests.TestSupport;

namespace KetamineFaqBot.Corpus.Tests.Reading;

public sealed class CorpusReaderTests : IDisposable
{
    private const string TwoFaqs =
        "  - questions:\n      - Is it addictive?\n      - Can I get hooked?\n    answer: The risk is considered low.\n" +
        "  - questions:\n      - What does it cost?\n    answer: It can be expensive.\n";

    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    [Fact]
    public void Read_SectionsAndFaq_BuildsPassagesWithStableIds()
    {
        _corpus.WriteDocument("addiction-risk", "## Risk under supervision\n\nLow risk.\n\n## Who is at risk?\n\nSome people.\n", TwoFaqs,
            "topic: addiction-risk", "audience: patient");

        var result = CorpusReader.Read(_corpus.Folder);

        Assert.Empty(result.Findings);
        var document = Assert.Single(result.Snapshot!.Documents);
        Assert.Equal("addiction-risk.md", document.Path);
        Assert.Equal(
            ["addiction-risk#risk-under-supervision", "addiction-risk#who-is-at-risk", "addiction-risk#faq-1", "addiction-risk#faq-2"],
            document.Passages.Select(p => p.Id));
        var section = document.Passages[0];
        Assert.Equal(PassageKind.Section, section.Kind);
        Assert.Equal("Risk under supervision", section.Section);
        Assert.Equal("Low risk.", section.Text);
        Assert.Equal("addiction-risk", section.Topic);
        Assert.Equal("patient", section.Audience);
        Assert.Equal("Test source", section.Source);
        Assert.Empty(section.Questions);
        var faq = document.Passages[2];
        Assert.Equal(PassageKind.Faq, faq.Kind);
        Assert.Equal("Is it addictive?", faq.Section);
        Assert.Equal("The risk is considered low.", faq.Text);
        Assert.Equal(["Is it addictive?", "Can I get hooked?"], faq.Questions);
        Assert.Equal(new DateOnly(2026, 11, 20), document.ReviewedOn);
        Assert.All(document.Passages, p => Assert.Equal(document.ReviewedOn, p.ReviewedOn));
        Assert.Equal(new DateOnly(2027, 11, 20), document.ReviewDue);
    }

    [Fact]
    public void Read_MarkdownMarkup_BecomesPlainTextWithListItemsAsSentences()
    {
        var body = "## Precautions\n\nDoctors take **several** steps, see [the guide](https://example.org).\n\n" +
                   "- Patient screening\n- *Regular* monitoring.\n- Supervision: always\n\n### Detail\n\nMore `text`\nacross lines.\n";
        _corpus.WriteDocument("precautions", body);

        var passage = CorpusReader.Read(_corpus.Folder).Snapshot!.Passages.Single();

        Assert.Equal(
            "Doctors take several steps, see the guide. Patient screening. Regular monitoring. Supervision: always. Detail. More text across lines.",
            passage.Text);
    }

    [Fact]
    public void Read_TextBeforeFirstHeading_BecomesSectionNamedAfterTitle()
    {
        _corpus.WriteDocument("cost", "# Cost\n\nIntro text.\n\n## Insurance\n\nMay not cover it.\n", null, "title: Cost and insurance");

        var passages = CorpusReader.Read(_corpus.Folder).Snapshot!.Passages.ToList();

        Assert.Equal(["cost#cost-and-insurance", "cost#insurance"], passages.Select(p => p.Id));
        Assert.Equal("Cost and insurance", passages[0].Section);
        Assert.Equal("Intro text.", passages[0].Text);
    }

    [Fact]
    public void Read_RepeatedHeadings_GetUniqueSlugs()
    {
        _corpus.WriteDocument("doc", "## Notes\n\nOne.\n\n## Notes\n\nTwo.\n");

        var ids = CorpusReader.Read(_corpus.Folder).Snapshot!.Passages.Select(p => p.Id);

        Assert.Equal(["doc#notes", "doc#notes-2"], ids);
    }

    [Fact]
    public void Read_Hashes_DocumentIsSha256OfBytesAndSnapshotFollowsSynonyms()
    {
        var path = _corpus.WriteDocument("doc");
        _corpus.Write("synonyms.txt", "cost, price\n");

        var first = CorpusReader.Read(_corpus.Folder).Snapshot!;
        _corpus.Write("synonyms.txt", "cost, price, expensive\n");
        var second = CorpusReader.Read(_corpus.Folder).Snapshot!;

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), first.Documents[0].ContentHash);
        Assert.Equal(64, first.ContentHash.Length);
        Assert.NotEqual(first.ContentHash, second.ContentHash);
        Assert.Equal(["cost", "price", "expensive"], second.Synonyms.Single());
        Assert.Equal(second.ContentHash, CorpusReader.Read(_corpus.Folder).Snapshot!.ContentHash);
    }

    [Fact]
    public void Read_SubfolderDocuments_AreOrderedByRelativePath()
    {
        _corpus.WriteDocument("b");
        var nested = _corpus.WriteDocument("nested");
        var text = File.ReadAllText(nested);
        File.Delete(nested);
        _corpus.Write("a/nested.md", text);

        var paths = CorpusReader.Read(_corpus.Folder).Snapshot!.Documents.Select(d => d.Path);

        Assert.Equal(["a/nested.md", "b.md"], paths);
    }

    [Fact]
    public void Read_MissingFolder_ReturnsFindingInsteadOfThrowing()
    {
        var missing = Path.Combine(_corpus.Folder, "nope");

        var result = CorpusReader.Read(missing);

        Assert.Null(result.Snapshot);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(LintRules.FolderMissing, finding.Rule);
        Assert.Equal(missing, finding.File);
    }

    [Fact]
    public void Read_FolderWithoutDocuments_ReportsNoDocuments()
    {
        _corpus.Write("synonyms.txt", "cost, price\n");

        var result = CorpusReader.Read(_corpus.Folder);

        Assert.Null(result.Snapshot);
        Assert.Equal(LintRules.NoDocuments, Assert.Single(result.Findings).Rule);
    }

    [Theory]
    [InlineData("title: [unclosed")]
    [InlineData("title: \"unterminated")]
    [InlineData("title: a: b: c")]
    [InlineData("- stray list item")]
    public void Read_BrokenYaml_ReportsFrontMatterInvalidInsteadOfThrowing(string badLine)
    {
        var path = _corpus.Write("broken.md", $"---\nid: broken\n{badLine}\ntopic: cost\n---\n\n## S\n\nText.\n");

        var result = CorpusReader.Read(_corpus.Folder);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(LintRules.FrontMatterInvalid, finding.Rule);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal(path, finding.File);
        Assert.InRange(finding.Line, 2, 5);
        Assert.Null(result.Snapshot);
    }

    [Fact]
    public void Read_NoFrontMatter_ReportsFrontMatterMissing()
    {
        _corpus.Write("plain.md", "## Heading\n\nText.\n");

        var finding = Assert.Single(CorpusReader.Read(_corpus.Folder).Findings);

        Assert.Equal(LintRules.FrontMatterMissing, finding.Rule);
        Assert.Equal(1, finding.Line);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("title")]
    [InlineData("topic")]
    [InlineData("audience")]
    [InlineData("summary")]
    [InlineData("source")]
    [InlineData("reviewed_by")]
    [InlineData("reviewed_on")]
    [InlineData("review_due")]
    public void Read_RequiredFieldMissing_ReportsFieldAndKeepsDocumentOut(string field)
    {
        _corpus.WriteDocument("doc", frontMatterExtra: field + ":-");

        var result = CorpusReader.Read(_corpus.Folder);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(LintRules.FieldMissing, finding.Rule);
        Assert.Contains($"'{field}'", finding.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot);
    }

    [Fact]
    public void Read_EmptyFieldValue_ReportsFieldMissingOnItsLine()
    {
        _corpus.WriteDocument("doc", frontMatterExtra: "summary: \"\"");

        var finding = Assert.Single(CorpusReader.Read(_corpus.Folder).Findings);

        Assert.Equal(LintRules.FieldMissing, finding.Rule);
        Assert.Equal(6, finding.Line);
    }

    [Theory]
    [InlineData("reviewed_on: 2026-13-01")]
    [InlineData("review_due: next year")]
    [InlineData("review_due: 20/11/2027")]
    public void Read_InvalidDate_ReportsDateInvalid(string line)
    {
        _corpus.WriteDocument("doc", frontMatterExtra: line);

        var result = CorpusReader.Read(_corpus.Folder);

        Assert.Equal(LintRules.DateInvalid, Assert.Single(result.Findings).Rule);
        Assert.Null(result.Snapshot);
    }

    [Fact]
    public void Read_IdNotASlug_ReportsIdInvalid()
    {
        _corpus.Write("doc.md", File.ReadAllText(_corpus.WriteDocument("doc")).Replace("id: doc", "id: Addiction Risk", StringComparison.Ordinal));

        var finding = Assert.Single(CorpusReader.Read(_corpus.Folder).Findings);

        Assert.Equal(LintRules.IdInvalid, finding.Rule);
        Assert.Contains("addiction-risk", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeadingWithoutText_WarnsSectionEmptyOnHeadingLine()
    {
        var path = _corpus.WriteDocument("doc", "## Empty\n\n## Full\n\nText.\n");

        var result = CorpusReader.Read(_corpus.Folder);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(LintRules.SectionEmpty, finding.Rule);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal("## Empty", File.ReadAllLines(path)[finding.Line - 1]);
        Assert.Equal(["doc#full"], result.Snapshot!.Passages.Select(p => p.Id));
    }

    [Fact]
    public void Read_FaqWithoutQuestions_ReportsFaqNoQuestions()
    {
        var path = _corpus.WriteDocument("doc", faq: "  - answer: An answer.\n");

        var finding = Assert.Single(CorpusReader.Read(_corpus.Folder).Findings);

        Assert.Equal(LintRules.FaqNoQuestions, finding.Rule);
        Assert.Contains("answer: An answer.", File.ReadAllLines(path)[finding.Line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FaqWithoutAnswer_ReportsFaqNoAnswer()
    {
        _corpus.WriteDocument("doc", faq: "  - questions:\n      - A question?\n    answer: \"\"\n");

        var result = CorpusReader.Read(_corpus.Folder);

        Assert.Equal(LintRules.FaqNoAnswer, Assert.Single(result.Findings).Rule);
        Assert.Null(result.Snapshot);
    }

    [Fact]
    public void Read_FaqNotAList_ReportsFrontMatterInvalid()
    {
        _corpus.WriteDocument("doc", faq: "  questions: nope\n");

        Assert.Equal(LintRules.FrontMatterInvalid, Assert.Single(CorpusReader.Read(_corpus.Folder).Findings).Rule);
    }

    [Fact]
    public void Read_InvalidUtf8_ReportsFileUnreadable()
    {
        File.WriteAllBytes(Path.Combine(_corpus.Folder, "bad.md"), [0x2D, 0x2D, 0x2D, 0x0A, 0xC3, 0x28, 0x0A]);

        var finding = Assert.Single(CorpusReader.Read(_corpus.Folder).Findings);

        Assert.Equal(LintRules.FileUnreadable, finding.Rule);
    }

    [Fact]
    public void Read_MalformedSynonyms_ReportsLineAndKeepsValidGroups()
    {
        _corpus.WriteDocument("doc");
        var path = _corpus.Write("synonyms.txt", "# header\ncost, price\nect => electroshock\n");

        var result = CorpusReader.Read(_corpus.Folder);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((path, 3, LintRules.SynonymsMalformed), (finding.File, finding.Line, finding.Rule));
        Assert.Equal(["cost", "price"], result.Snapshot!.Synonyms.Single());
    }
}
