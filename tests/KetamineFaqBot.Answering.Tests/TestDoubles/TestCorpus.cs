using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>A small hand-written corpus shaped like the real one.</summary>
internal static class TestCorpus
{
    public static Passage Section(string doc, string slug, string topic, string section, string text) =>
        new($"{doc}#{slug}", doc, $"{char.ToUpperInvariant(doc[0])}{doc[1..]} of ketamine treatment", section, topic, "both",
            $"Source for {doc}", PassageKind.Section, text, []);

    public static Passage Faq(string doc, int n, string topic, string answer, params string[] questions) =>
        new($"{doc}#faq-{n}", doc, $"{char.ToUpperInvariant(doc[0])}{doc[1..]} of ketamine treatment", questions[0], topic, "both",
            $"Source for {doc}", PassageKind.Faq, answer, questions);

    public static IReadOnlyList<Passage> Passages { get; } =
    [
        Section("cost", "cost-of-treatment", "cost", "Cost of treatment",
            "Ketamine treatments for depression can be expensive. Prices vary from clinic to clinic."),
        Section("cost", "insurance-coverage", "cost", "Insurance coverage",
            "Insurance may not cover ketamine treatments. Some plans cover the esketamine nasal spray."),
        Faq("cost", 1, "cost",
            "Ketamine treatments for depression can be expensive, especially because insurance may not cover them.",
            "Does insurance cover ketamine treatment?", "Is ketamine therapy expensive?"),
        Section("benefits", "rapid-relief", "benefits", "Rapid relief",
            "Ketamine can ease symptoms of depression within hours. The benefits may fade after one to two weeks.\n"
            + "Repeated treatments can extend the benefits for some people."),
        Faq("benefits", 1, "benefits",
            "Ketamine can relieve depression quickly for some people whose depression did not respond to other treatments.",
            "How fast does ketamine work for depression?"),
        Section("addiction", "risk", "addiction", "Risk of addiction",
            "Ketamine used under medical supervision has a low risk of addiction. Recreational use at high doses carries a higher risk."),
        Faq("addiction", 1, "addiction",
            "When it is prescribed and supervised, ketamine has a low risk of addiction.",
            "Is ketamine addictive?", "Can you get addicted to ketamine treatment?"),
        Faq("addiction", 2, "addiction",
            "Misuse is more likely with recreational use, high doses or a history of substance use.",
            "What makes ketamine misuse more likely?"),
        Section("effectiveness", "ect", "effectiveness", "Compared with ECT",
            "Studies compared ketamine with electroconvulsive therapy (ECT) for severe depression. "
            + "In one trial, ketamine worked as well as ECT for people without psychosis. "
            + "ECT worked better for some people with psychotic depression."),
        Section("suicidal", "thoughts", "effectiveness", "Suicidal thoughts",
            "Ketamine may reduce suicidal thoughts within hours in some people."),
        Section("side-effects", "common", "side-effects", "Common side effects",
            "Common side effects include dissociation, nausea and a rise in blood pressure. Most side effects pass within 2 hours."),
    ];
}
