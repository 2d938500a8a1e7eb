using KetamineFaqBot.Answering.Composers;
using KetamineFaqBot.Answering.Tests.TestDoubles;

namespace KetamineFaqBot.Answering.Tests.Composers;

public sealed class GroundingCheckerTests
{
    private static readonly GroundingChecker Checker = new(0.5);
    private static readonly IReadOnlyList<KetamineFaqBot.Core.Corpus.Passage> Given = [TestCorpus.Passages[10], TestCorpus.Passages[5]];

    [Fact]
    public void Check_SupportedSentences_AreKeptWithTheirMarkers()
    {
        var result = Checker.Check("Common side effects include nausea and dissociation [1]. Supervised use has a low risk of addiction. [2]", Given);

        Assert.Equal(2, result.Kept.Count);
        Assert.Equal([2], result.Kept[1].Markers);
        Assert.Equal(0, result.Dropped);
    }

    [Theory]
    [InlineData("Common side effects include nausea and dissociation.")]
    [InlineData("Common side effects include nausea and dissociation [3].")]
    [InlineData("Patients often feel euphoric, sleepy and very hungry afterwards [1].")]
    [InlineData("Most side effects pass within 6 hours [1].")]
    [InlineData("A dose of 0.5 mg/kg is common [1].")]
    [InlineData("NO_ANSWER")]
    public void Check_UnsupportedSentence_IsDropped(string sentence)
    {
        var result = Checker.Check(sentence, Given);

        Assert.Empty(result.Kept);
        Assert.Equal(1, result.Dropped);
    }

    [Fact]
    public void Check_NumberPresentInCitedPassage_IsKept() =>
        Assert.Single(Checker.Check("Most side effects pass within 2 hours [1].", Given).Kept);
}
