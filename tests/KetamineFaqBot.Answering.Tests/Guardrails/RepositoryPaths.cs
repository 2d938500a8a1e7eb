namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>Finds the real prompts and evaluation files by walking up to the folder holding KetamineFaqBot.sln.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Prompts => Path.Combine(Root, "prompts");

    public static string Eval => Path.Combine(Root, "tests", "eval");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KetamineFaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KetamineFaqBot.sln not found above " + AppContext.BaseDirectory);
    }
}
