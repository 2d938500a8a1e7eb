using System.Text.Json;

namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>One line of tests/eval/*.jsonl: turns and the expected routes (a string or a list in the file).</summary>
internal sealed record EvalCase(string File, string Id, IReadOnlyList<string> Turns, IReadOnlyList<string> Routes, bool? CrisisLine)
{
    public static IReadOnlyList<EvalCase> Load(string fileName)
    {
        var path = Path.Combine(RepositoryPaths.Eval, fileName);
        var cases = new List<EvalCase>();
        foreach (var line in System.IO.File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var expect = root.GetProperty("expect");
            var route = expect.GetProperty("route");
            IReadOnlyList<string> routes = route.ValueKind == JsonValueKind.Array
                ? [.. route.EnumerateArray().Select(r => r.GetString()!)]
                : [route.GetString()!];
            bool? crisisLine = expect.TryGetProperty("crisis_line", out var cl) ? cl.GetBoolean() : null;
            cases.Add(new EvalCase(
                fileName,
                root.GetProperty("id").GetString()!,
                [.. root.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!)],
                routes,
                crisisLine));
        }

        return cases;
    }

    public override string ToString() => $"{File}:{Id}";
}
