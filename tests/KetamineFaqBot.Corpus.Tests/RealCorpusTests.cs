using System.Text.RegularExpressions;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Corpus.Linting;
using KetamineFaqBot.Corpus.Tests.TestSupport;

namespace KetamineFaqBot.Corpus.Tests;

/// <summary>The shipped corpus/ folder: it must lint clean and stay within the seed article's facts.</summary>
public sealed partial class RealCorpusTests
{
    private static readonly Lazy<CorpusLoadResult> Loaded = new(() =>
        CorpusLoader.Load(RepositoryRoot.CorpusFolder, new CorpusLoadOptions(), FixedTimeProvider.On(2026, 11, 26)));

    private static CorpusSnapshot Snapshot => Loaded.Value.Snapshot!;

    private static string AllText => string.Join('\n', Snapshot.Passages.SelectMany(p => p.Questions.Prepend(p.Text).Prepend(p.Section)));

    [Fact]
    public void Load_RealCorpus_LintsCleanWithoutWarnings()
    {
        var findings = Loaded.Value.Findings.Select(f => $"{f.File}:{f.Line}: {f.Rule}: {f.Message}");

        Assert.Empty(findings);
        Assert.Equal(12, Snapshot.Documents.Count);
    }

    [Fact]
    public void Load_RealCorpus_SourceShownToPatientsIsTheVettedSourcesTitleAndTheInternalReferenceStaysInTheFile()
    {
        var internalId = InternalSourceId();

        Assert.All(Snapshot.Documents, d =>
        {
            Assert.DoesNotMatch(internalId, d.Source);
            Assert.DoesNotContain("seed article", d.Source, StringComparison.OrdinalIgnoreCase);
            Assert.All(d.Passages, p => Assert.Equal(d.Source, p.Source));
            var file = File.ReadAllText(Path.Combine(RepositoryRoot.CorpusFolder, d.Path));
            Assert.Matches(@"(?m)^source_ref: seed article \d{3}_[0-9a-f]{16}\s*$", file);
        });
    }

    [GeneratedRegex(@"\d{3}_[0-9a-f]{16}")]
    private static partial System.Text.RegularExpressions.Regex InternalSourceId();

    [Fact]
    public void Load_RealCorpus_CoversEveryTopicOfTheVocabulary()
    {
        var topics = Snapshot.Documents.Select(d => d.Topic).ToHashSet();

        Assert.All(CorpusVocabulary.Topics, topic => Assert.Contains(topic, topics));
    }

    [Fact]
    public void Load_RealCorpus_HasGroupsRequiredByRetrieval()
    {
        string[][] required =
        [
            ["ect", "electroconvulsive therapy", "electroshock", "shock therapy"],
            ["addictive", "addiction", "dependence", "dependent", "hooked", "habit forming"],
            ["trd", "treatment-resistant depression", "treatment resistant depression"],
            ["insurance", "coverage", "insurer"],
            ["anesthetic", "anaesthetic", "anesthesia", "anaesthesia"],
            ["side effects", "adverse effects"],
            ["cost", "price", "expensive", "afford"],
            ["clinical trial", "clinical study", "research study"],
            ["misuse", "abuse"],
        ];

        Assert.All(required, group => Assert.Contains(Snapshot.Synonyms, g => group.All(g.Contains)));
    }

    [Fact]
    public void Load_RealCorpus_FaqEntriesHaveThreeToSixPhrasingsAndShortAnswers()
    {
        var faqs = Snapshot.Passages.Where(p => p.Kind == PassageKind.Faq).ToList();

        Assert.NotEmpty(faqs);
        Assert.All(faqs, faq =>
        {
            Assert.InRange(faq.Questions.Count, 3, 6);
            Assert.InRange(SentenceCount(faq.Text), 1, 3);
        });
    }

    [Fact]
    public void Load_RealCorpus_SectionsHaveOneToFiveSentences()
    {
        Assert.All(Snapshot.Passages.Where(p => p.Kind == PassageKind.Section),
            section => Assert.InRange(SentenceCount(section.Text), 1, 5));
    }

    [Theory]
    [InlineData("addiction-risk", "highly addictive", "misuse")]
    [InlineData("addiction-risk", "fairly low", "supervision")]
    [InlineData("effectiveness", "55.4%", "41.2%")]
    [InlineData("overview", "1960s", "early 2000s")]
    [InlineData("clinical-trials", "ClinicalTrials.gov", "keywords")]
    [InlineData("clinical-trials", "primary healthcare team", "legal access")]
    [InlineData("cost", "insurance may not cover", "expensive")]
    [InlineData("precautions", "screen", "monitor")]
    [InlineData("precautions", "supervision", "educating")]
    [InlineData("long-term", "long-term", "limited data")]
    [InlineData("mechanism", "glutamate", "neuroplasticity")]
    [InlineData("benefits", "up to a week", "neuroplasticity")]
    [InlineData("benefits", "suicidal thoughts", "antidepressant")]
    [InlineData("side-effects", "dissociation", "blood pressure")]
    [InlineData("legality", "controlled substance", "country")]
    [InlineData("access", "clinics", "qualified provider")]
    public void Load_RealCorpus_FaqAnswersStateTheKeyFacts(string docId, string first, string second)
    {
        var answers = Snapshot.Passages.Where(p => p.DocId == docId && p.Kind == PassageKind.Faq).Select(p => p.Text);

        Assert.Contains(answers, a => a.Contains(first, StringComparison.OrdinalIgnoreCase) && a.Contains(second, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("55.4%")]
    [InlineData("41.2%")]
    [InlineData("1960s")]
    [InlineData("early 2000s")]
    [InlineData("up to a week")]
    [InlineData("take weeks")]
    [InlineData("glutamate")]
    [InlineData("mood")]
    [InlineData("ClinicalTrials.gov")]
    [InlineData("privately and publicly funded")]
    [InlineData("ketamine depression")]
    [InlineData("universities")]
    [InlineData("rodents")]
    [InlineData("ovarian hormones")]
    [InlineData("sex difference")]
    [InlineData("dissociation")]
    [InlineData("hallucinations")]
    [InlineData("heart rate")]
    [InlineData("blood pressure")]
    [InlineData("insurance")]
    [InlineData("expensive")]
    [InlineData("neuroplasticity")]
    [InlineData("screening")]
    [InlineData("tolerance")]
    [InlineData("follow-up appointments")]
    [InlineData("education")]
    [InlineData("controlled substance")]
    [InlineData("local regulations")]
    [InlineData("certification")]
    [InlineData("training")]
    [InlineData("cognitive deficits")]
    [InlineData("generic ketamine alternatives")]
    [InlineData("history of drug addiction")]
    [InlineData("recreational")]
    [InlineData("high doses")]
    [InlineData("suicidal thoughts")]
    [InlineData("well tolerated")]
    [InlineData("anesthetic")]
    [InlineData("treatment-resistant depression")]
    [InlineData("severe")]
    [InlineData("specialized clinics")]
    [InlineData("psychiatrists")]
    [InlineData("qualified provider")]
    [InlineData("primary healthcare team")]
    [InlineData("legal access")]
    public void Load_RealCorpus_ContainsSeedFact(string fact)
    {
        Assert.Contains(fact, AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_RealCorpus_StatesNoNumberTheSeedDoesNotState()
    {
        string[] seedNumbers = ["55.4", "41.2", "1960", "2000"];

        var numbers = NumberPattern().Matches(AllText).Select(m => m.Value).Distinct();

        Assert.All(numbers, n => Assert.Contains(n, seedNumbers));
    }

    [Fact]
    public void Load_RealCorpus_NamesNoDoseUnit()
    {
        Assert.DoesNotMatch(DoseUnitPattern(), AllText);
    }

    private static int SentenceCount(string text) => SentenceEndPattern().Count(text);

    // A sentence ends at . ! ? followed by a space or the end, but not inside "55.4" or "ClinicalTrials.gov".
    [GeneratedRegex(@"[.!?](?=\s|$)")]
    private static partial Regex SentenceEndPattern();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b\d*\s*(mg|ml|mcg|milligrams?|kg)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoseUnitPattern();
}
