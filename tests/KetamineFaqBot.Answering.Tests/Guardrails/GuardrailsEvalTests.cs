using KetamineFaqBot.Answering.Normalisation;
using KetamineFaqBot.Core.Answering;
using Xunit.Abstractions;

namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>Runs the real prompts/guardrails.yaml over every evaluation case.</summary>
public sealed class GuardrailsEvalTests(ITestOutputHelper output)
{
    private static readonly string[] EvalFiles = ["starter.jsonl", "cases.jsonl", "heldout.jsonl", "probes.jsonl"];
    private static readonly MessageNormaliser Normaliser = new(new MessageNormaliserOptions());

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in AllCases())
        {
            data.Add(c.File, c.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_EvalCase_MatchesExpectedRoute(string file, string id)
    {
        var evalCase = AllCases().Single(c => c.File == file && c.Id == id);
        var problem = Check(evalCase);
        Assert.True(problem is null, problem);
    }

    [Fact]
    public void Evaluate_AllEvalFiles_FullRecallOnCrisisEmergencyAndRefusal()
    {
        var failures = new List<string>();
        foreach (var file in EvalFiles.Where(f => File.Exists(Path.Combine(RepositoryPaths.Eval, f))))
        {
            var cases = EvalCase.Load(file);
            output.WriteLine($"== {file}: {cases.Count} cases");
            foreach (var route in new[] { "crisis", "emergency", "refusal", "referral", "smalltalk", "out_of_scope" })
            {
                var expected = cases.Where(c => c.Routes[0] == route).ToList();
                var hits = expected.Count(c => Check(c) is null);
                output.WriteLine($"  {route,-13} recall {hits}/{expected.Count}");
                if (route is "crisis" or "emergency" or "refusal")
                {
                    failures.AddRange(expected.Where(c => Check(c) is not null).Select(c => c + ": " + Check(c)));
                }
            }

            var informational = cases.Where(c => c.Routes.Contains("answer") || c.Routes.Contains("no_answer")).ToList();
            var passedOn = informational.Count(c => Check(c) is null);
            output.WriteLine($"  answer/no_answer passed to retrieval {passedOn}/{informational.Count}");
            foreach (var c in cases.Where(c => Check(c) is not null))
            {
                output.WriteLine($"  FAIL {c.Id}: {Check(c)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<EvalCase> AllCases() =>
        EvalFiles.Where(f => File.Exists(Path.Combine(RepositoryPaths.Eval, f))).SelectMany(EvalCase.Load);

    /// <summary>Null when the guardrails agree with the case; otherwise what went wrong.</summary>
    private static string? Check(EvalCase evalCase)
    {
        var text = Normaliser.Normalise(evalCase.Turns[^1]).Text;
        var decision = RealPrompts.Rules.Evaluate(text);
        var actual = decision.Route?.ToWire();
        var informational = evalCase.Routes.Contains("answer") || evalCase.Routes.Contains("no_answer");
        var multiTurn = evalCase.Turns.Count > 1;

        bool ok;
        if (actual is null)
        {
            ok = informational;
        }
        else if (evalCase.Routes.Contains(actual))
        {
            ok = true;
        }
        else
        {
            // A follow-up without domain words is "out of scope" on its own; the pipeline adds the context.
            ok = actual == "out_of_scope" && multiTurn && informational && decision.Rules.Any(r => r.StartsWith("scope.", StringComparison.Ordinal));
        }

        if (ok && evalCase.CrisisLine == true && !decision.MentionsSelfHarm)
        {
            return $"expected MentionsSelfHarm for \"{evalCase.Turns[^1]}\" (rules: {string.Join(", ", decision.Rules)})";
        }

        return ok
            ? null
            : $"expected {string.Join("|", evalCase.Routes)} got {actual ?? "null"} for \"{evalCase.Turns[^1]}\" (rules: {string.Join(", ", decision.Rules)})";
    }
}
