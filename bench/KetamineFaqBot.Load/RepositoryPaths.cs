namespace KetamineFaqBot.Load;

/// <summary>Finds the repository and, in it, the bot build and the question file the run uses by default.</summary>
internal static class RepositoryPaths
{
    public const string SolutionFile = "KetamineFaqBot.sln";

    /// <summary>The nearest folder at or above <paramref name="start"/> holding the solution file, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The root from the working directory, else from where this tool was built.</summary>
    public static string? FindRoot() => FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory);

    public static string BotAssembly(string root, string configuration) =>
        Path.Combine(root, "src", "KetamineFaqBot.Bot", "bin", configuration, "net10.0", "KetamineFaqBot.Bot.dll");

    public static string StarterQuestions(string root) => Path.Combine(root, "tests", "eval", "starter.jsonl");

    /// <summary>The <c>dotnet</c> host running this process (so children use the same SDK runtime), else the one on PATH.</summary>
    public static string DotnetHost()
    {
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
        {
            return fromCli;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
