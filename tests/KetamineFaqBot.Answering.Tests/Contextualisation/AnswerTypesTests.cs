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
}
