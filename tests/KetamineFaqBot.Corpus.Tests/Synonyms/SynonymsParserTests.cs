using KetamineFaqBot.Corpus.Linting;
using KetamineFaqBot.Corpus.Synonyms;

namespace KetamineFaqBot.Corpus.Tests.Synonyms;

public sealed class SynonymsParserTests
{
    [Fact]
    public void Parse_ValidLine_ReturnsLowerCaseTrimmedTermsWithPhrases()
    {
        var result = SynonymsParser.Parse("ECT,  Electroconvulsive   Therapy , shock therapy\n", "synonyms.txt");

        var group = Assert.Single(result.Groups);
        Assert.Equal(["ect", "electroconvulsive therapy", "shock therapy"], group);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreIgnored()
    {
        var result = SynonymsParser.Parse("# a comment, with, commas\n\n   \ncost, price\n", "s.txt");

        Assert.Equal(["cost", "price"], Assert.Single(result.Groups));
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("ect => electroconvulsive therapy")]
    [InlineData("ect")]
    [InlineData("ect, , shock therapy")]
    [InlineData("ect,")]
    [InlineData("ect, ect")]
    [InlineData("ect, shock|therapy")]
    public void Parse_MalformedLine_ReportsErrorWithLineNumberAndSkipsLine(string line)
    {
        var result = SynonymsParser.Parse($"# header\ncost, price\n{line}\n", "s.txt");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(LintRules.SynonymsMalformed, finding.Rule);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal(3, finding.Line);
        Assert.Equal("s.txt", finding.File);
        Assert.Single(result.Groups);
    }

    [Fact]
    public void Parse_TermInTwoGroups_WarnsOnSecondLine()
    {
        var result = SynonymsParser.Parse("misuse, abuse\nabuse, overuse\n", "s.txt");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(LintRules.SynonymsDuplicateTerm, finding.Rule);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal(2, finding.Line);
        Assert.Equal(2, result.Groups.Count);
    }

    [Fact]
    public void Parse_WindowsLineEndings_AreHandled()
    {
        var result = SynonymsParser.Parse("cost, price\r\nmisuse, abuse\r\n", "s.txt");

        Assert.Equal(2, result.Groups.Count);
        Assert.Equal("abuse", result.Groups[1][1]);
    }
}
