using System.CommandLine;
using KetamineFaqBot.Answering.ContentGaps;
using KetamineFaqBot.Answering.Evaluation;
using KetamineFaqBot.Cli.Composition;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Cli.Commands.Ask;

/// <summary>
/// <c>kfaq ask [--json] [--root DIR] [--prompts DIR] "question" ["follow-up" ...]</c>: answers a question the way
/// the bot would; extra arguments are later turns of the same conversation.
/// </summary>
public static class AskCommand
{
    public static Command Create() => Create(AnsweringComposition.Default);

    public static Command Create(AnsweringComposition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var turns = new Argument<string[]>("question")
        {
            Description = "The question, then any follow-ups of the same conversation.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per turn, one per line." };
        var index = IndexOption();
        var prompts = PromptsOption();

        var command = new Command("ask", "Answer a question (and follow-ups) as the bot would, with citations.")
        {
            turns,
            json,
            index,
            prompts,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            composition,
            parseResult.GetValue(turns) ?? [],
            parseResult.GetValue(json),
            parseResult.GetValue(index) ?? CliDefaults.IndexRoot,
            parseResult.GetValue(prompts) ?? CliDefaults.PromptsFolder,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    internal static Option<string> IndexOption() => new("--root")
    {
        Description = "Index root (holds the versions and the 'current' pointer).",
        DefaultValueFactory = _ => CliDefaults.IndexRoot,
    };

    internal static Option<string> PromptsOption() => new("--prompts")
    {
        Description = "Prompts folder (guardrails.yaml, responses/, answer.yaml, rewrite.yaml).",
        DefaultValueFactory = _ => CliDefaults.PromptsFolder,
    };

    private static async Task<int> RunAsync(AnsweringComposition composition, string[] turns, bool json, string index, string prompts,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IAnswerService answers;
        try
        {
            answers = composition.Build(index, prompts, NullContentGapRecorder.Instance);
        }
        catch (CompositionException ex)
        {
            await error.WriteLineAsync($"kfaq ask: {ex.Message}");
            return ExitCodes.Usage;
        }

        var conversation = $"cli-{Guid.NewGuid():N}";
        foreach (var question in turns)
        {
            var answer = await answers.AnswerAsync(new Turn(conversation, "cli", question, Channel: "cli"), cancellationToken);
            if (json)
            {
                await output.WriteLineAsync(AnswerJson.ToLine(question, answer));
            }
            else
            {
                await WriteTextAsync(output, question, answer);
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task WriteTextAsync(TextWriter output, string question, Answer answer)
    {
        await output.WriteLineAsync($"> {question}");
        await output.WriteLineAsync($"[{answer.Route.ToWire()} · {answer.Provenance.Composer}{(answer.Generated ? " · AI-generated" : string.Empty)}]");
        await output.WriteLineAsync(answer.Text);
        if (answer.Citations.Count > 0)
        {
            await output.WriteLineAsync();
            foreach (var c in answer.Citations)
            {
                await output.WriteLineAsync($"[{c.Position}] {c.Title} — {c.Section} ({c.PassageId}; source: {c.Source})");
            }
        }

        if (answer.Suggestions.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("You could also ask:");
            foreach (var suggestion in answer.Suggestions)
            {
                await output.WriteLineAsync($"  - {suggestion}");
            }
        }

        await output.WriteLineAsync();
    }
}
