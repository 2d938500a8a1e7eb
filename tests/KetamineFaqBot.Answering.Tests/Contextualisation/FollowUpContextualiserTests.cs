using KetamineFaqBot.Answering.Contextualisation;

namespace KetamineFaqBot.Answering.Tests.Contextualisation;

public sealed class FollowUpContextualiserTests
{
    [Theory]
    [InlineData("and the cost?", true)]
    [InlineData("What about the side effects?", true)]
    [InlineData("which one worked better?", true)]
    [InlineData("does it hurt?", true)]
    [InlineData("How long does that last?", true)]
    [InlineData("What's the weather today?", false)]
    [InlineData("What is esketamine?", false)]
    [InlineData("How much does ketamine treatment cost?", false)]
    [InlineData("Which is cheaper?", true)]
    [InlineData("ok and where would I even go to get it done", true)]
    [InlineData("thanks, what about the side effects?", true)]
    [InlineData("ok", false)]
    [InlineData("Can you tell me everything about the long history of anaesthetics in veterinary medicine in Europe?", false)]
    public void IsFollowUp_Message_Classified(string message, bool expected) =>
        Assert.Equal(expected, FollowUpContextualiser.IsFollowUp(message));

    [Theory]
    [InlineData("and the cost?", "benefits of ketamine for depression", "cost ketamine depression")]
    [InlineData("what about side effects?", "Is ketamine addictive for depression?", "side effects ketamine depression")]
    [InlineData("which one worked better?", "How does ketamine compare with ECT?", "ketamine compare ect worked better")]
    [InlineData("does it last?", "ketamine infusion depression", "ketamine infusion depression last")]
    public void Contextualise_FollowUp_BecomesStandalone(string followUp, string previous, string expected) =>
        Assert.Equal(expected, FollowUpContextualiser.Contextualise(followUp, previous));

    [Fact]
    public void Contextualise_PlaceQuestionAfterAnAcknowledgement_SwitchesAspect()
    {
        var query = FollowUpContextualiser.Contextualise("ok and where would I go to get it done", "does insurance pay for ketamine");

        Assert.StartsWith("where ", query, StringComparison.Ordinal);
        Assert.Contains("ketamine", query, StringComparison.Ordinal);
        Assert.DoesNotContain("insurance", query, StringComparison.Ordinal);
    }

    [Fact]
    public void Contextualise_DrawbacksAfterBenefits_ReplacesTheAspect() =>
        Assert.Equal("drawbacks ketamine depression", FollowUpContextualiser.Contextualise("and the drawbacks?", "benefits of ketamine for depression"));
    [Fact]
    public void Contextualise_BareThatPointsBackAtTheAspect_KeepsIt()
    {
        var query = FollowUpContextualiser.Contextualise("ok and what do clinics do to stop that from happening", "is ketamine addictive");

        Assert.Contains("addictive", query, StringComparison.Ordinal);
        Assert.Contains("clinics", query, StringComparison.Ordinal);
    }

    [Fact]
    public void Contextualise_ThatLeadingItsOwnWord_SwitchesAspect()
    {
        var query = FollowUpContextualiser.Contextualise("and is that covered by insurance?", "benefits of ketamine for depression");

        Assert.Contains("insurance", query, StringComparison.Ordinal);
        Assert.DoesNotContain("benefits", query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("do they keep an eye on that during the session?", true)]
    [InlineData("does someone keep an eye on you for those while its happening?", true)]
    [InlineData("how do clinics stop that from happening to people who have had problems before", true)]
    [InlineData("is it possible to get ketamine through a study in another country", false)]
    [InlineData("is that covered by insurance in most states or only some of them", true)]
    [InlineData("is that insurance plan the one most clinics take for ketamine", false)]
    public void PointsBack_BareDemonstrativeOrThoseTheseThem(string text, bool expected)
    {
        Assert.Equal(expected, FollowUpContextualiser.PointsBack(text));
    }

    [Fact]
    public void PointsBack_OverTwentyFiveWords_False()
    {
        Assert.False(FollowUpContextualiser.PointsBack(string.Join(' ', Enumerable.Repeat("word", 24)) + " about those"));
    }
}
