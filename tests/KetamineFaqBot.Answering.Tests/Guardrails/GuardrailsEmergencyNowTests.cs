using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>
/// Emergency signs said in the present tense (breathing that "is" slow, barely responding, cannot catch a breath,
/// about to pass out with a racing heart) are emergencies; the same words as a past symptom or a general question are not.
/// </summary>
public sealed class GuardrailsEmergencyNowTests
{
    private static GuardrailDecision Evaluate(string text) => RealPrompts.Rules.Evaluate(text);

    [Theory]
    [InlineData("his breathing is so shallow since he got home from the clinic")]
    [InlineData("my mom is hardly responding to us after her spravato dose")]
    [InlineData("i can't get my breath and my chest feels weird")]
    [InlineData("my heart keeps racing and i'm about to faint")]
    [InlineData("she's going to pass out, she says she has palpitations")]
    public void Evaluate_SignHappeningNow_Emergency(string message)
    {
        Assert.Equal(Route.Emergency, Evaluate(message).Route);
    }

    [Theory]
    [InlineData("can ketamine cause your breathing to be slow?", Route.Answer)]
    [InlineData("i couldn't catch my breath for a minute during my infusion last week, is that normal?", Route.Referral)]
    [InlineData("do people ever pass out during a ketamine infusion?", Route.Answer)]
    [InlineData("i always feel like i'm going to faint when i get blood drawn, will the iv be a problem?", Route.Answer)]
    public void Evaluate_GeneralQuestionOrPastSymptom_AnsweredOrReferred(string message, Route expected)
    {
        Assert.Equal(expected, RealPrompts.RouteOf(message));
    }
}
