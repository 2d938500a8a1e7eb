using KetamineFaqBot.Cli.Tests.TestSupport;
using KetamineFaqBot.Semantics.Exemplars;
using KetamineFaqBot.Semantics.Tests.TestSupport;

namespace KetamineFaqBot.Semantics.Tests.Exemplars;

public sealed class ReviewedQuestionReaderTests(SemanticIndexFixture fixture) : IClassFixture<SemanticIndexFixture>
{
    private string Write(string yaml)
    {
        var file = Path.Combine(fixture.NewFolder(), "uncovered.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    [Fact]
    public void ReadFile_ShippedFile_HoldsReviewedQuestions()
    {
        var questions = ReviewedQuestionReader.ReadFile(RepositoryRoot.Path("prompts", "coverage", "uncovered.yaml"), "uncovered.yaml");

        Assert.True(questions.Count >= 100, $"only {questions.Count} uncovered questions");
        Assert.All(questions, q => Assert.False(string.IsNullOrWhiteSpace(q)));
    }

    [Fact]
    public void ReadFile_Missing_IsEmpty()
    {
        Assert.Empty(ReviewedQuestionReader.ReadFile(Path.Combine(fixture.NewFolder(), "absent.yaml"), "absent.yaml"));
    }

    [Fact]
    public void ReadFile_RepeatedQuestion_KeptOnce()
    {
        var questions = ReviewedQuestionReader.ReadFile(Write("examples:\n  - who invented ketamine\n  - Who invented ketamine \n"), "u.yaml");

        Assert.Equal(["who invented ketamine"], questions);
    }

    [Theory]
    [InlineData("examples:\n  - one\n  - [two\n", 4)]
    [InlineData("questions:\n  - one\n", 1)]
    [InlineData("examples:\n  - one\n  - \"\"\n", 3)]
    [InlineData("- one\n", 1)]
    public void ReadFile_Damaged_NamesFileAndLine(string yaml, int line)
    {
        var ex = Assert.Throws<ExemplarFormatException>(() => ReviewedQuestionReader.ReadFile(Write(yaml), "coverage/uncovered.yaml"));

        Assert.StartsWith($"coverage/uncovered.yaml:{line}", ex.Message, StringComparison.Ordinal);
    }
}
