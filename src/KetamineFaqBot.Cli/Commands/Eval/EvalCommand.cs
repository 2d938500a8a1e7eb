using System.CommandLine;
using System.Globalization;
using KetamineFaqBot.Answering.ContentGaps;
using KetamineFaqBot.Answering.Evaluation;
using KetamineFaqBot.Cli.Commands.Ask;
using KetamineFaqBot.Cli.Composition;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Cli.Commands.Eval;

/// <summary>
/// <c>kfaq eval FILE... [--json]</c>: runs evaluation cases (.jsonl or .yaml) through the pipeline and reports
/// failures, per-route pass rates, safety-route recall and the false-refusal rate.
/// Exit 0 when every case passes, 1 when any fails, 2 for unreadable or malformed files.
/// </summary>
public static class EvalCommand
{
    public static Command Create() => Create(AnsweringComposition.Default);

    public static Command Create(AnsweringComposition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var files = new Argument<string[]>("files")
        {
            Description = "Evaluation files: .jsonl (one case per line) or .yaml (a list of cases).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "One JSON line per case, then a summary line." };
        var index = AskCommand.IndexOption();
        var prompts = AskCommand.PromptsOption();
        var command = new Command("eval", "Run evaluation cases; exit 0 when all pass, 1 on failures, 2 on malformed files.")
        {
            files,
            json,
            index,
            prompts,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            composition,
            parseResult.GetValue(files) ?? [],
            parseResult.GetValue(json),
            parseResult.GetValue(index) ?? CliDefaults.IndexRoot,
            parseResult.GetValue(prompts) ?? CliDefaults.PromptsFolder,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(AnsweringComposition composition, string[] files, bool json, string index, string prompts,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        List<EvalCase> cases;
        try
        {
            cases = ReadAll(files);
        }
        catch (EvalFormatException ex)
        {
            await error.WriteLineAsync($"kfaq eval: {ex.Message}");
            return ExitCodes.Usage;
        }

        IAnswerService answers;
        try
        {
            answers = composition.Build(index, prompts, new InMemoryContentGapRecorder());
        }
        catch (CompositionException ex)
        {
            await error.WriteLineAsync($"kfaq eval: {ex.Message}");
            return ExitCodes.Usage;
        }

        var results = await new EvalRunner(answers).RunAsync(cases, cancellationToken);
        var summary = EvalSummary.From(results);
        if (json)
        {
            foreach (var result in results)
            {
                await output.WriteLineAsync(EvalJson.CaseLine(result));
            }

            await output.WriteLineAsync(EvalJson.SummaryLine(summary));
        }
        else
        {
            await WriteTextAsync(output, results, summary);
        }

        return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }

    /// <summary>Reads every file; ids must be unique across files.</summary>
    internal static List<EvalCase> ReadAll(IEnumerable<string> files)
    {
        var cases = new List<EvalCase>();
        var seen = new Dictionary<string, EvalCase>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new EvalFormatException(file, 0, "file not found");
            }

            foreach (var evalCase in EvalCaseReader.ReadFile(file))
            {
                if (!seen.TryAdd(evalCase.Id, evalCase))
                {
                    var first = seen[evalCase.Id];
                    throw new EvalFormatException(file, evalCase.Line, $"duplicate id '{evalCase.Id}' (first in {first.File}:{first.Line})");
                }

                cases.Add(evalCase);
            }
        }

        return cases;
    }

    internal static async Task WriteTextAsync(TextWriter output, IReadOnlyList<EvalCaseResult> results, EvalSummary summary)
    {
        var failed = results.Where(r => !r.Pass).ToList();
        if (failed.Count > 0)
        {
            await output.WriteLineAsync($"{"case",-24} {"expected",-20} {"got",-13} failure");
            foreach (var result in failed)
            {
                var expected = string.Join("|", result.Case.Expect.Routes.Select(r => r.ToWire()));
                foreach (var failure in result.Failures)
                {
                    await output.WriteLineAsync($"{result.Case.Id,-24} {expected,-20} {result.ActualRoute.ToWire(),-13} {failure}");
                }
            }

            await output.WriteLineAsync();
        }

        await output.WriteLineAsync($"{"route",-14} {"cases",5} {"passed",6} {"pass rate",9} {"recall",7}");
        foreach (var route in summary.Routes)
        {
            var recall = route.IsSafetyRoute ? Percent(route.Recall) : "-";
            await output.WriteLineAsync($"{route.Route,-14} {route.Cases,5} {route.Passed,6} {Percent(route.PassRate),9} {recall,7}");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Passed}/{summary.Cases} passed ({Percent(summary.PassRate)}); false refusals {summary.FalseRefusals}/{summary.AnswerCases} answer cases ({Percent(summary.FalseRefusalRate)})."));
    }

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
