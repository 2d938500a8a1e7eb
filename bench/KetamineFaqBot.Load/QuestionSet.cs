using System.Text.Json;

namespace KetamineFaqBot.Load;

/// <summary>The real questions a run asks, in file order: every turn of every case of an eval JSON-lines file.</summary>
internal sealed class QuestionSet
{
    private readonly string[] _questions;

    private QuestionSet(string[] questions) => _questions = questions;

    public int Count => _questions.Length;

    /// <summary>Round-robin over the file, so every run asks the same questions in the same order.</summary>
    public string this[int index] => _questions[index % _questions.Length];

    public static QuestionSet Load(string path)
    {
        var questions = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("turns", out var turns) && turns.ValueKind == JsonValueKind.Array)
            {
                questions.AddRange(turns.EnumerateArray().Select(t => t.GetString()).OfType<string>().Where(t => t.Length > 0));
            }
        }

        return questions.Count == 0
            ? throw new InvalidDataException($"{path} holds no questions (no \"turns\" in any line).")
            : new QuestionSet([.. questions]);
    }
}
