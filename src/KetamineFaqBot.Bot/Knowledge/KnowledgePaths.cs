namespace KetamineFaqBot.Bot.Knowledge;

/// <summary>Resolved absolute folders for <see cref="KnowledgeOptions"/>.</summary>
/// <param name="BaseFolder">The folder holding corpus/ and prompts/ (or the working directory): relative data paths start here.</param>
public sealed record KnowledgePaths(string CorpusFolder, string PromptsFolder, string IndexRoot, string BaseFolder)
{
    public static KnowledgePaths Resolve(KnowledgeOptions options, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseFolder = FindBase(options, workingDirectory);
        return new KnowledgePaths(
            Path.GetFullPath(options.CorpusFolder, baseFolder),
            Path.GetFullPath(options.PromptsFolder, baseFolder),
            Path.GetFullPath(options.IndexRoot, baseFolder),
            baseFolder);
    }

    private static string FindBase(KnowledgeOptions options, string workingDirectory)
    {
        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, options.PromptsFolder))
                && Directory.Exists(Path.Combine(dir.FullName, options.CorpusFolder)))
            {
                return dir.FullName;
            }
        }

        return workingDirectory;
    }
}
