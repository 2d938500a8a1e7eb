using System.CommandLine;
using KetamineFaqBot.Cli.Commands.Ask;
using KetamineFaqBot.Cli.Commands.Eval;

namespace KetamineFaqBot.Cli;

/// <summary>Builds the kfaq command tree. Each verb lives in its own folder under Commands/.</summary>
public static class KfaqApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("kfaq: tools for KetamineFaqBot content owners (lint, index, search, ask, eval).");
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
