using KetamineFaqBot.Answering.Composers;
using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Answering.Tests.Composers;

public sealed class ExtractiveComposerTests
{
    private static readonly ExtractiveComposer Composer = new(new AnsweringOptions());

    [Fact]
    public void Compose_BestSentences_KeptInPassageOrderWithMarkers()
    {
        var hits = new ListRetriever(TestCorpus.Passages).Search("side effects of ketamine and how long they last");

        var composed = Composer.Compose(new ComposeRequest("q", "side effects of ketamine and how long they last", hits));

        Assert.Equal("extractive", composed.Composer);
        Assert.StartsWith("Common side effects include dissociation, nausea and a rise in blood pressure [1]. Most side effects pass within 2 hours [1].",
            composed.Text, StringComparison.Ordinal);
        Assert.Equal("side-effects#common", composed.Cited[0].Id);
        Assert.False(composed.Generated);
    }

    [Fact]
    public void Compose_SentenceRepeatingAnotherOne_IsLeftOut()
    {
        var faq = TestCorpus.Section("cost", "faq", "cost", "Cost", "Ketamine treatments can be expensive, especially because insurance may not cover them.");
        var section = TestCorpus.Section("cost", "cost", "cost", "Cost", "Ketamine treatments can be expensive.");
        var hits = new[] { new SearchHit(faq, 9f), new SearchHit(section, 8f) };

        var composed = Composer.Compose(new ComposeRequest("q", "ketamine treatment cost expensive", hits));

        Assert.Equal("Ketamine treatments can be expensive, especially because insurance may not cover them [1].", composed.Text);
        Assert.Single(composed.Cited);
    }

    [Fact]
    public void Compose_WithTermStatistics_PrefersTheSentenceWithTheRareWord()
    {
        var general = TestCorpus.Section("addiction", "general", "addiction-risk", "Risk", "The risk of addiction to ketamine is low under supervision.");
        var female = TestCorpus.Section("addiction", "female", "addiction-risk", "Sex", "Female rodents seem more susceptible.");
        var filler = Enumerable.Range(0, 8).Select(i => TestCorpus.Section("other", $"s{i}", "overview", "Other", $"Ketamine addiction risk note {i}."));
        var corpus = new[] { general, female }.Concat(filler).ToDictionary(p => p.Id);
        var hits = new[] { new SearchHit(general, 9f), new SearchHit(female, 8f) };
        var composer = new ExtractiveComposer(new AnsweringOptions { MaxAnswerWords = 12 });

        var composed = composer.Compose(new ComposeRequest("q", "female ketamine addiction risk", hits, "en-US", TermStatistics.For(corpus)));

        Assert.Contains("Female rodents", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_LongPassages_StaysWithinWordBudget()
    {
        var longSentence = "Ketamine " + string.Join(' ', Enumerable.Repeat("cost ketamine", 20)) + ".";
        var passage = TestCorpus.Section("cost", "long", "cost", "Long", $"{longSentence} {longSentence} {longSentence}");
        var hits = new[] { new SearchHit(passage, 5f) };

        var composed = Composer.Compose(new ComposeRequest("q", "ketamine cost", hits));

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(composed.Text, @"\[1\]"));
        Assert.Equal(41, KetamineFaqBot.Answering.Text.TextAnalysis.WordCount(composed.Text));
    }

    [Fact]
    public void Compose_SentencesFromTwoPassages_NumberedByCitationOrder()
    {
        var first = TestCorpus.Section("a", "one", "t", "One", "Ketamine infusions are given in a clinic. Unrelated words here.");
        var second = TestCorpus.Section("b", "two", "t", "Two", "Esketamine spray is given in a clinic too.");
        var hits = new[] { new SearchHit(first, 4f), new SearchHit(second, 3f) };

        var composed = Composer.Compose(new ComposeRequest("q", "where are ketamine infusions and esketamine spray given clinic", hits));

        Assert.Equal("Ketamine infusions are given in a clinic [1]. Esketamine spray is given in a clinic too [2].", composed.Text);
        Assert.Equal(["a#one", "b#two"], composed.Cited.Select(p => p.Id));
    }

    [Fact]
    public void Compose_WeakSecondHit_IsNotQuoted()
    {
        var first = TestCorpus.Section("a", "one", "t", "One", "Ketamine infusions are given in a clinic.");
        var second = TestCorpus.Section("b", "two", "t", "Two", "A clinic may be far away.");
        var hits = new[] { new SearchHit(first, 10f), new SearchHit(second, 2f) };

        var composed = Composer.Compose(new ComposeRequest("q", "ketamine infusions clinic", hits));

        Assert.Equal(["a#one"], composed.Cited.Select(p => p.Id));
    }

    [Fact]
    public void Compose_NoSentenceOverlap_LeadsWithTopPassage()
    {
        var faq = TestCorpus.Faq("cost", 1, "cost", "It can be expensive.", "Does insurance pay for it?");
        var composed = Composer.Compose(new ComposeRequest("q", "insurance pay", [new SearchHit(faq, 3f)]));

        Assert.Equal("It can be expensive [1].", composed.Text);
    }

    [Fact]
    public void Compose_ClearlyWinningTopPassageWithoutWordOverlap_LeadsTheAnswer()
    {
        // Retrieval found the top passage through a synonym ("trippy" → hallucinations) that its sentences never use.
        var top = TestCorpus.Section("effects", "common", "side-effects", "Side effects", "Ketamine can cause dissociation and hallucinations.");
        var other = TestCorpus.Section("precautions", "spacing", "precautions", "Spacing", "Sessions are spaced out over time.");
        var hits = new[] { new SearchHit(top, 40f), new SearchHit(other, 22f) };

        var composed = Composer.Compose(new ComposeRequest("q", "trippy spaced session", hits));

        Assert.Equal("effects#common", composed.Cited[0].Id);
        Assert.StartsWith("Ketamine can cause dissociation and hallucinations [1].", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_CloseTopHits_BestMatchingSentenceDecides()
    {
        var top = TestCorpus.Section("risk", "general", "addiction-risk", "Risk", "The addiction risk is low under supervision.");
        var second = TestCorpus.Section("risk", "sex", "addiction-risk", "Sex differences", "Female rodents seem more susceptible to addiction.");
        var hits = new[] { new SearchHit(top, 30f), new SearchHit(second, 28f) };

        var composed = Composer.Compose(new ComposeRequest("q", "female addiction", hits));

        Assert.Contains("Female rodents", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SentenceCosines_TheSentenceClosestInMeaningLeadsWhenWordsTie()
    {
        // Neither sentence shares a word with the question; without cosines the first one leads.
        var passage = TestCorpus.Section("history", "origins", "overview", "History",
            "Doctors used it as an anaesthetic in the 1960s. Researchers began studying it for depression in the early 2000s.");
        var hits = new[] { new SearchHit(passage, 5f) };
        const string query = "when did people figure out it helps mood";

        var plain = Composer.Compose(new ComposeRequest("q", query, hits));
        var withMeaning = Composer.Compose(new ComposeRequest("q", query, hits,
            SentenceCosines: new Dictionary<string, IReadOnlyList<float>> { [passage.Id] = [0.31f, 0.58f] }));

        Assert.Equal("Doctors used it as an anaesthetic in the 1960s [1].", plain.Text);
        Assert.Equal("Researchers began studying it for depression in the early 2000s [1].", withMeaning.Text);
    }

    [Fact]
    public void Compose_SentenceCosines_ASentenceNoWordFindsIsQuotedOnlyWhenCloseInMeaning()
    {
        var passage = TestCorpus.Section("effects", "feel", "side-effects", "How it feels",
            "Ketamine can cause dissociation during an infusion. Some people see or hear things that are not there. It passes within hours.");
        var hits = new[] { new SearchHit(passage, 5f) };
        const string query = "ketamine dissociation hallucinate";

        IReadOnlyDictionary<string, IReadOnlyList<float>> Cosines(float second) =>
            new Dictionary<string, IReadOnlyList<float>> { [passage.Id] = [0.5f, second, 0.2f] };

        var close = Composer.Compose(new ComposeRequest("q", query, hits, SentenceCosines: Cosines(0.7f)));
        var far = Composer.Compose(new ComposeRequest("q", query, hits, SentenceCosines: Cosines(0.55f)));

        Assert.Equal("Ketamine can cause dissociation during an infusion [1]. Some people see or hear things that are not there [1].", close.Text);
        Assert.Equal("Ketamine can cause dissociation during an infusion [1].", far.Text);
    }

    [Fact]
    public void Compose_SentenceCosinesOfAnotherSentenceCount_AreIgnored()
    {
        // A version whose vectors do not match the passage's sentences must not shift the choice.
        var passage = TestCorpus.Section("history", "origins", "overview", "History",
            "Doctors used it as an anaesthetic in the 1960s. Researchers began studying it for depression in the early 2000s.");
        var hits = new[] { new SearchHit(passage, 5f) };

        var composed = Composer.Compose(new ComposeRequest("q", "when did people figure out it helps mood", hits,
            SentenceCosines: new Dictionary<string, IReadOnlyList<float>> { [passage.Id] = [0.1f, 0.9f, 0.9f] }));

        Assert.Equal("Doctors used it as an anaesthetic in the 1960s [1].", composed.Text);
    }

    [Theory]
    [InlineData("why are the sessions spread out over weeks")]
    [InlineData("how come they spread the sessions out")]
    [InlineData("y do they spread sessions out")]
    [InlineData("what's the reason sessions are spread out")]
    public void Compose_ReasonQuestion_TheSentenceAfterTheBestOneComesAlong(string question)
    {
        var spacing = TestCorpus.Section("precautions", "limited-frequency", "precautions", "Limited frequency",
            "Treatment sessions are usually spread out over time. Spacing them out lowers the risk of tolerance or dependence.");
        var hits = new[] { new SearchHit(spacing, 9f) };

        var composed = Composer.Compose(new ComposeRequest(question, "sessions spread out weeks", hits));

        Assert.Equal("Treatment sessions are usually spread out over time [1]. Spacing them out lowers the risk of tolerance or dependence [1].", composed.Text);
    }

    [Fact]
    public void Compose_SameWordsWithoutAskingWhy_OnlyTheMatchingSentence()
    {
        var spacing = TestCorpus.Section("precautions", "limited-frequency", "precautions", "Limited frequency",
            "Treatment sessions are usually spread out over time. Spacing them out lowers the risk of tolerance or dependence.");
        var hits = new[] { new SearchHit(spacing, 9f) };

        var composed = Composer.Compose(new ComposeRequest("are the sessions spread out over weeks", "sessions spread out weeks", hits));

        Assert.Equal("Treatment sessions are usually spread out over time [1].", composed.Text);
    }

    [Fact]
    public void Compose_ReasonQuestionWithAFullAnswer_TheReasonReplacesTheWeakestOtherSentence()
    {
        var spacing = TestCorpus.Section("precautions", "limited-frequency", "precautions", "Limited frequency",
            "Treatment sessions are usually spread out over time. Spacing them out lowers the risk of tolerance or dependence.");
        var other = TestCorpus.Section("benefits", "rapid", "benefits", "Rapid relief",
            "Some sessions work within hours. Traditional antidepressants can take weeks. Effects of sessions can last a week.");
        var hits = new[] { new SearchHit(spacing, 9f), new SearchHit(other, 8.5f) };

        var composed = Composer.Compose(new ComposeRequest("why are sessions spread out over weeks", "sessions spread out weeks", hits));

        Assert.StartsWith("Treatment sessions are usually spread out over time [1]. Spacing them out lowers the risk of tolerance or dependence [1].", composed.Text, StringComparison.Ordinal);
        Assert.Equal(3, composed.Text.Split(" [").Length - 1);
    }
}
