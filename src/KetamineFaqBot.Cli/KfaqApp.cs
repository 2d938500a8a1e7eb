using System.CommandLine;
using KetamineFaqBot.Cli.Commands.Ask;
using KetamineFaqBot.Cli.Commands.Diff;
using KetamineFaqBot.Cli.Commands.Eval;
using KetamineFaqBot.Cli.Commands.Index;
using KetamineFaqBot.Cli.Commands.Insights;
using KetamineFaqBot.Cli.Commands.Lint;
using KetamineFaqBot.Cli.Commands.Search;
using KetamineFaqBot.Cli.Commands.TeamsPackage;

namespace KetamineFaqBot.Cli;

/// <summary>Builds the kfaq command tree. Each verb lives in its own folder under Commands/.</summary>
public static class KfaqApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);

        var root = new RootCommand("kfaq: tools for KetamineFaqBot content owners (lint, index, diff, search, ask, eval, insights, teams-package).")
        {
            LintCommand.Create(TimeProvider.System),
            IndexCommand.Create(TimeProvider.System),
            DiffCommand.Create(TimeProvider.System),
            SearchCommand.Create(),
            AskCommand.Create(),
            EvalCommand.Create(),
            InsightsCommand.Create(TimeProvider.System),
            TeamsPackageCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage mistakes get their own exit code so scripts can tell them from findings.
            foreach (var parseError in parse.Errors)
            {
                await stderr.WriteLineAsync(parseError.Message);
            }

            await stderr.WriteLineAsync("Run 'kfaq --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
