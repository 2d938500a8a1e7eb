using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>
/// Ketamine taken with alcohol and now vomiting that will not stop, blacking out or unable to stay awake is an
/// emergency; a general question about mixing them, or vomiting without alcohol, is not.
/// </summary>
public sealed class GuardrailsAlcoholMixingNowTests
{
    private static GuardrailDecision Evaluate(string text) => RealPrompts.Rules.Evaluate(text);

    [Theory]
    [InlineData("had a few beers with my ketamine and now i cant stop vomiting")]
    [InlineData("my girlfriend mixed ket with tequila and keeps passing out")]
    [InlineData("he drank wine after his spravato and cant stay awake")]
    [InlineData("she keeps blacking out on the couch")]
    public void Evaluate_AlcoholAndKetamineWithSignsNow_Emergency(string message)
    {
        Assert.Equal(Route.Emergency, Evaluate(message).Route);
    }

    [Theory]
    [InlineData("is it dangerous to drink alcohol after a ketamine infusion?", Route.Answer)]
    [InlineData("can mixing ketamine and alcohol make you keep throwing up?", Route.Answer)]
    [InlineData("i cant stop throwing up since my ketamine session yesterday", Route.Referral)]
    public void Evaluate_GeneralQuestionOrNoAlcohol_AnsweredOrReferred(string message, Route expected)
    {
        Assert.Equal(expected, RealPrompts.RouteOf(message));
    }
}
