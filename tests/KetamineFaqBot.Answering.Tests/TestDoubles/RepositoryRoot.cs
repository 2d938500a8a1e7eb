namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>The repository checkout the tests run from (holds prompts/).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KetamineFaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KetamineFaqBot.sln not found above the test output folder.");
    }
}
