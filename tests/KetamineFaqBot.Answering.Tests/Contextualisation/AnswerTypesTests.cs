using KetamineFaqBot.Answering.Contextualisation;
using KetamineFaqBot.Answering.Tests.Guardrails;
using KetamineFaqBot.Answering.Tests.TestDoubles;

namespace KetamineFaqBot.Answering.Tests.Contextualisation;

public sealed class AnswerTypesTests
{
    private static readonly Lazy<AnswerTypes> Real = new(() => AnswerTypes.Load(RepositoryPaths.Prompts));

    private static readonly Core.Corpus.Passage LongTerm = TestCorpus.Section("long-term", "data", "long-term", "Long-term data",
        "Only limited data is available on the long-term safety of ketamine for depression.");

    private static readonly Core.Corpus.Passage Rapid = TestCorpus.Section("benefits", "rapid", "benefits", "Rapid relief",
        "Ketamine can ease symptoms quickly, while traditional antidepressants can take weeks to work.");

    [Theory]
    [InlineData("how long does a ketamine infusion take")]
    [InlineData("How soon does it work?")]
    [InlineData("how many hours does a session last")]
    public void Unsupported_DurationQuestionAnsweredWithoutADuration_Named(string question)
    {
        Assert.Equal("duration", Real.Value.Unsupported(question, [LongTerm]));
    }

    [Fact]
    public void Unsupported_DurationQuestionWithADurationInTheAnswer_Null()
    {
        Assert.Null(Real.Value.Unsupported("how long does ketamine take to work", [LongTerm, Rapid]));
    }

    [Theory]
    [InlineData("how long does one infusion session take")]
    [InlineData("How long does a single ketamine appointment last?")]
    [InlineData("whats the time from start to finish at the clinic")]
    [InlineData("how much time off work should i book for an infusion")]
    [InlineData("how long are you in the chair for")]
    public void Unsupported_SessionLengthAnsweredWithOtherDurations_SessionLength(string question)
    {
        Assert.Equal("session_length", Real.Value.Unsupported(question, [Rapid, EffectsLastAWeek]));
    }

    [Fact]
    public void Unsupported_SessionLengthWithASessionLengthInTheAnswer_Null()
    {
        var length = TestCorpus.Section("access", "sessions", "access", "What a session is like",
            "An infusion session usually takes about 40 minutes, and people rest for an hour afterwards.");

        Assert.Null(Real.Value.Unsupported("how long does one infusion session take", [length]));
    }

    [Theory]
    [InlineData("how long do the effects of one ketamine infusion last")]
    [InlineData("after a single session how long does the lift stick around")]
    [InlineData("how long does one dose keep working")]
    public void Unsupported_HowLongTheEffectsLast_NotASessionLengthQuestion(string question)
    {
        Assert.Null(Real.Value.Unsupported(question, [EffectsLastAWeek]));
    }

    private static readonly Core.Corpus.Passage EffectsLastAWeek = TestCorpus.Section("benefits", "single-dose", "benefits", "One dose",
        "A single dose can act rapidly, with effects lasting up to a week.");

    [Theory]
    [InlineData("is ketamine safe long term")]
    [InlineData("how much does it cost")]
    public void Unsupported_OtherQuestions_Null(string question)
    {
        Assert.Null(Real.Value.Unsupported(question, [LongTerm]));
    }

    [Fact]
    public void Load_TypeWithoutEvidence_ClearError()
    {
        var folder = Directory.CreateTempSubdirectory("kfaq-types-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, AnswerTypes.FileName), "types:\n  - name: duration\n    question: 'how long'\n");

            var error = Assert.Throws<InvalidDataException>(() => AnswerTypes.Load(folder.FullName));

            Assert.Contains("needs a name, a question pattern and an evidence pattern", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_BadEvidencePattern_ClearError()
    {
        var folder = Directory.CreateTempSubdirectory("kfaq-types-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, AnswerTypes.FileName), "types:\n  - name: duration\n    question: 'how long'\n    evidence: '(hours'\n");

            var error = Assert.Throws<InvalidDataException>(() => AnswerTypes.Load(folder.FullName));

            Assert.Contains("evidence pattern of answer type 'duration'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static readonly Core.Corpus.Passage History = TestCorpus.Section("overview", "history", "overview", "History",
        "Ketamine was first developed in the 1960s as an anesthetic; interest in it for depression grew in the early 2000s.");

    [Theory]
    [InlineData("since when have doctors been using ketamine for depression")]
    [InlineData("what year was ketamine invented")]
    [InlineData("when did doctors first start giving it for low mood")]
    [InlineData("when was ketamine originally developed")]
    public void Unsupported_DateQuestionAnsweredWithoutAYear_Date(string question)
    {
        Assert.Equal("date", Real.Value.Unsupported(question, [LongTerm, Rapid]));
        Assert.Null(Real.Value.Unsupported(question, [LongTerm, History]));
    }

    [Theory]
    [InlineData("when does ketamine start working")]
    [InlineData("when should i tell my doctor")]
    [InlineData("what happens when the infusion starts")]
    public void Unsupported_WhenQuestionsAboutTreatmentNow_NotADateQuestion(string question)
    {
        Assert.NotEqual("date", Real.Value.Unsupported(question, [Rapid]));
    }

    [Fact]
    public void Prefer_DateQuestion_PassageWithAYearMovedAheadOthersKeepTheirOrder()
    {
        Core.Corpus.Passage[] hits = [LongTerm, Rapid, History, EffectsLastAWeek];

        var preferred = Real.Value.Prefer("since when have doctors used ketamine for depression", hits, p => p, depth: 3);

        Assert.Equal([History, LongTerm, Rapid, EffectsLastAWeek], preferred);
    }

    [Fact]
    public void Prefer_EvidenceOnlyBelowTheDepth_HitsUnchanged()
    {
        Core.Corpus.Passage[] hits = [LongTerm, Rapid, EffectsLastAWeek, History];

        Assert.Same(hits, Real.Value.Prefer("since when have doctors used ketamine for depression", hits, p => p, depth: 3));
    }

    [Fact]
    public void Prefer_QuestionOfNoType_HitsUnchanged()
    {
        Core.Corpus.Passage[] hits = [LongTerm, History];

        Assert.Same(hits, Real.Value.Prefer("is ketamine addictive", hits, p => p, depth: 3));
    }
}
