using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Bot.Tests.Protocol;

public sealed class CitationViewTests
{
    private const string Template = "**{section}**\n\n{text}\n\nSource: {source}\n\nLast reviewed: {reviewed}";

    [Fact]
    public void Render_PassageWithMarkdownCharacters_EscapesThemSoTheyShowAsWritten()
    {
        var citation = Cited("1. Take *no* [extra](https://example.org) doses <b>alone</b> #1", new DateOnly(2026, 11, 20));

        var view = CitationView.Render(citation, Template);

        Assert.Contains(@"1\. Take \*no\* \[extra\]\(https\:\/\/example\.org\) doses \<b\>alone\<\/b\> \#1", view, StringComparison.Ordinal);
        Assert.EndsWith("Last reviewed: 2026-11-20", view, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoReviewDate_LeavesThatLineOut()
    {
        var view = CitationView.Render(Cited("Passage", null), Template);

        Assert.Equal("**Section**\n\nPassage\n\nSource: Source", view);
    }

    [Fact]
    public void Render_TemplateWithWindowsLineEndings_GivesTheSameView()
    {
        var citation = Cited("Passage", new DateOnly(2026, 11, 20));

        Assert.Equal(CitationView.Render(citation, Template), CitationView.Render(citation, Template.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    private static Citation Cited(string text, DateOnly? reviewedOn) =>
        new(1, "d", "Title", "Section", "topic", "Source", "d#s", text, reviewedOn);
}
