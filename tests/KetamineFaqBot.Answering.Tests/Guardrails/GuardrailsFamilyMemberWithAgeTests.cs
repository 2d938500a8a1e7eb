using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>
/// Whether ketamine is right for a family member stays a referral when an age or description sits between "my" and
/// the person, or the person is possessive ("my 70 year old mum", "my teenage sons anxiety"); groups are answered.
/// </summary>
public sealed class GuardrailsFamilyMemberWithAgeTests
{
    private static GuardrailDecision Evaluate(string text) => RealPrompts.Rules.Evaluate(text);

    [Theory]
    [InlineData("is ketamine safe for my 70 year old mum")]
    [InlineData("would infusions help for my teenage son's anxiety?")]
    [InlineData("is esketamine a good option for my youngest daughter")]
    public void Evaluate_FamilyMemberDescribed_Referral(string message)
    {
        Assert.Equal(Route.Referral, Evaluate(message).Route);
    }

    [Theory]
    [InlineData("is ketamine a good idea for teenagers in general?")]
    [InlineData("is ketamine safe for older adults?")]
    public void Evaluate_GroupOfPeople_Answered(string message)
    {
        Assert.Equal(Route.Answer, RealPrompts.RouteOf(message));
    }
}
