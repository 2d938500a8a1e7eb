using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>
/// Whose story and which time: a close person's past is context for an informational question, while decisions,
/// medications and symptoms of a particular person (the writer or someone close) stay with their clinician.
/// </summary>
public sealed class GuardrailsPersonAndTenseTests
{
    private static GuardrailDecision Evaluate(string text) => RealPrompts.Rules.Evaluate(text);

    [Theory]
    [InlineData("My aunt overdosed on pills a few years ago. Is ketamine risky for people with a history of drug misuse?")]
    [InlineData("my cousin was addicted to painkillers once, can ketamine treatment be addictive?")]
    [InlineData("will i feel spaced out during a ketamine session?")]
    [InlineData("could patients get nauseous after an infusion?")]
    public void Evaluate_ContextOrWhatToExpect_PassesToRetrieval(string question)
    {
        Assert.Null(Evaluate(question).Route);
    }

    [Theory]
    [InlineData("my mom relapsed last year. she is on suboxone now, can she try ketamine?")]
    [InlineData("my aunt is on lithium, is ketamine ok with that?")]
    [InlineData("should my brother get ketamine infusions?")]
    [InlineData("My brother overdosed last month. Should he get ketamine infusions?")]
    [InlineData("can my wife still take ketamine if she's pregnant?")]
    [InlineData("will i feel like this again after my next infusion?")]
    [InlineData("i feel dizzy since my infusion yesterday")]
    [InlineData("should i try ketamine?")]
    public void Evaluate_ParticularPersonsDecisionMedicationOrSymptom_Referral(string question)
    {
        Assert.Equal(Route.Referral, Evaluate(question).Route);
    }

    [Theory]
    [InlineData("can they use ketamine in emergency rooms?")]
    [InlineData("how should a clinic decide who gets ketamine?")]
    public void Evaluate_GeneralOrHowQuestion_NotReferral(string question)
    {
        Assert.NotEqual(Route.Referral, Evaluate(question).Route);
    }

    [Theory]
    [InlineData("I gave away my dog and all my stuff, is ketamine addictive?")]
    [InlineData("i dont plan on being around much longer, does ketamine work fast?")]
    public void Evaluate_WarningSignInsideQuestion_Crisis(string question)
    {
        Assert.Equal(Route.Crisis, Evaluate(question).Route);
    }

    [Theory]
    [InlineData("i dont plan on being here for the appointment on friday, can i reschedule my ketamine session?")]
    [InlineData("she gave away free samples at the clinic")]
    public void Evaluate_LogisticsNotWarningSign_NotCrisis(string question)
    {
        Assert.NotEqual(Route.Crisis, Evaluate(question).Route);
    }
}
