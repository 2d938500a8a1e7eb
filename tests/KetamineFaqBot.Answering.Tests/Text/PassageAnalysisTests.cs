using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Answering.Tests.Text;

public sealed class PassageAnalysisTests
{
    private static readonly Passage Faq = new(
        "safety#faq-1", "safety", "Safety", "Is ketamine addictive?", "safety", "patient", "Source",
        PassageKind.Faq, "Ketamine can be addictive when misused. In clinics, doses are supervised!\n- Tell your provider.",
        ["Is ketamine addictive?", "  Can you get hooked on ketamine?  "]);

    [Fact]
    public void Of_SamePassage_SameAnalysis() =>
        Assert.Same(PassageAnalysis.Of(Faq), PassageAnalysis.Of(Faq));

    [Fact]
    public void Of_EqualButDistinctPassage_OwnAnalysis() =>
        Assert.NotSame(PassageAnalysis.Of(Faq), PassageAnalysis.Of(Faq with { }));

    [Fact]
    public void Sentences_MatchDirectAnalysis_InOrder()
    {
        var sentences = PassageAnalysis.Of(Faq).Sentences;

        var expected = TextAnalysis.Sentences(Faq.Text);
        Assert.Equal(expected, sentences.Select(s => s.Text));
        Assert.Equal(3, sentences.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // Same members in the same order: the composer's weighted sums iterate them.
            Assert.Equal(TextAnalysis.Stems(expected[i]), sentences[i].Stems);
            Assert.Equal(TextAnalysis.WordCount(expected[i]), sentences[i].Words);
        }
    }

    [Fact]
    public void Stems_MatchDirectAnalysis()
    {
        var analysis = PassageAnalysis.Of(Faq);

        Assert.Equal(TextAnalysis.Stems(TermStatistics.Describe(Faq)), analysis.DescriptionStems);
        Assert.Equal(TextAnalysis.Stems($"{string.Join("\n", Faq.Questions)}\n{Faq.Text}"), analysis.FaqStems);
        Assert.Contains("hook", analysis.FaqStems);
    }

    [Fact]
    public void Questions_CanonicalAndStemsPerPhrasing()
    {
        var questions = PassageAnalysis.Of(Faq).Questions;

        Assert.Equal(["is ketamine addictive", "can you get hooked on ketamine"], questions.Select(q => q.Canonical));
        Assert.Equal(TextAnalysis.Stems(Faq.Questions[1]), questions[1].Stems);
    }
}
