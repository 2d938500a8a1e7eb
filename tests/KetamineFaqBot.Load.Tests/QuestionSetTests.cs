namespace KetamineFaqBot.Load.Tests;

public sealed class QuestionSetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kfaq-load-questions-").FullName;

    [Fact]
    public void Load_EvalFile_AsksEveryTurnInFileOrderRoundRobin()
    {
        var path = Write(
            """{"id": "a", "turns": ["first?", "and then?"], "expect": {"route": "answer"}}""",
            string.Empty,
            """{"id": "b", "turns": ["second?"]}""");

        var questions = QuestionSet.Load(path);

        Assert.Equal(3, questions.Count);
        Assert.Equal(["first?", "and then?", "second?", "first?"], Enumerable.Range(0, 4).Select(i => questions[i]));
    }

    [Fact]
    public void Load_FileWithoutTurns_Throws()
    {
        var path = Write("""{"id": "a", "expect": {"route": "answer"}}""");

        Assert.Throws<InvalidDataException>(() => QuestionSet.Load(path));
    }

    [Fact]
    public void Load_ShippedStarterSet_HasQuestions()
    {
        Assert.True(QuestionSet.Load(TestPaths.StarterQuestions).Count > 10);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder, "cases.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
