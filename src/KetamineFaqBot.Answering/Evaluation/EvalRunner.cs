using System.Text.RegularExpressions;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Evaluation;

/// <summary>Runs evaluation cases through an <see cref="IAnswerService"/>, each case in a fresh conversation.</summary>
public sealed partial class EvalRunner(IAnswerService answers)
{
    public const string Channel = "eval";

    public async Task<IReadOnlyList<EvalCaseResult>> RunAsync(IEnumerable<EvalCase> cases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = new List<EvalCaseResult>();
        foreach (var evalCase in cases)
        {
            results.Add(await RunAsync(evalCase, cancellationToken));
        }

        return results;
    }

    public async Task<EvalCaseResult> RunAsync(EvalCase evalCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        var conversation = $"eval-{evalCase.Id}-{Guid.NewGuid():N}";
        var turns = new List<EvalTurn>();
        foreach (var text in evalCase.Turns)
        {
            var answer = await answers.AnswerAsync(new Turn(conversation, "eval", text, Channel: Channel), cancellationToken);
            turns.Add(new EvalTurn(text, answer));
        }

        return new EvalCaseResult(evalCase, turns, Judge(evalCase.Expect, turns[^1].Answer));
    }

    /// <summary>Why <paramref name="answer"/> does not meet <paramref name="expect"/>; empty when it does.</summary>
    public static IReadOnlyList<string> Judge(EvalExpectation expect, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(expect);
        ArgumentNullException.ThrowIfNull(answer);
        var failures = new List<string>();
        if (!expect.Routes.Contains(answer.Route))
        {
            failures.Add($"route: expected {string.Join(" | ", expect.Routes.Select(r => r.ToWire()))}, got {answer.Route.ToWire()}");
        }

        failures.AddRange(expect.Contains.Where(p => !p.IsMatch(answer.Text)).Select(p => $"contains: /{p}/ not found"));
        failures.AddRange(expect.NotContains.Where(p => p.IsMatch(answer.Text)).Select(p => $"not_contains: /{p}/ found"));

        var hasCrisisLine = CrisisLine().IsMatch(answer.Text);
        if (expect.CrisisLine is true && !hasCrisisLine)
        {
            failures.Add("crisis_line: the 988 line is missing");
        }
        else if (expect.CrisisLine is false && hasCrisisLine)
        {
            failures.Add("crisis_line: the 988 line is present but not expected");
        }

        return failures;
    }

    [GeneratedRegex(@"\b988\b")]
    private static partial Regex CrisisLine();
}
