using KetamineFaqBot.Answering.Composers;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Answering.Tests.Composers;

public sealed class FaqComposerTests
{
    private static readonly FaqComposer Composer = new(new AnsweringOptions { FaqMinScore = 2, FaqDominance = 1.3 });
    private static readonly SearchHit Section = new(TestCorpus.Passages[0], 3f);

    [Fact]
    public void TryCompose_FaqClearlyAhead_ReturnsVettedAnswerCited()
    {
        var faq = TestCorpus.Passages[2];
        var composed = Composer.TryCompose(new ComposeRequest("q", "q", [new SearchHit(faq, 4f), Section]));

        Assert.NotNull(composed);
        Assert.Equal(faq.Text[..^1] + " [1].", composed.Text);
        Assert.Equal("faq", composed.Composer);
    }

    [Theory]
    [InlineData(3.5f)]
    [InlineData(1.5f)]
    public void TryCompose_FaqNotDominantOrWeak_ReturnsNull(float faqScore)
    {
        var composed = Composer.TryCompose(new ComposeRequest("q", "q", [new SearchHit(TestCorpus.Passages[2], faqScore), Section with { Score = Math.Min(faqScore, 3f) }]));

        Assert.Null(composed);
    }

    [Fact]
    public void TryCompose_TopHitIsSection_ReturnsNull() =>
        Assert.Null(Composer.TryCompose(new ComposeRequest("q", "q", [new SearchHit(TestCorpus.Passages[0], 9f)])));

    [Fact]
    public void TryCompose_QuestionAsksSomethingTheEntryDoesNotCover_ReturnsNull()
    {
        var faq = TestCorpus.Faq("addiction", 1, "addiction-risk", "Under supervision the risk of addiction is considered low.", "Is ketamine addictive?");

        var general = Composer.TryCompose(new ComposeRequest("q", "is ketamine addictive", [new SearchHit(faq, 9f), Section]));
        var specific = Composer.TryCompose(new ComposeRequest("q", "are female patients more at risk of addiction", [new SearchHit(faq, 9f), Section]));

        Assert.NotNull(general);
        Assert.Null(specific);
    }
}
