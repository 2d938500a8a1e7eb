namespace KetamineFaqBot.Cli.Tests.TestSupport;

/// <summary>Finds the repository root (the folder holding KetamineFaqBot.sln) above the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KetamineFaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KetamineFaqBot.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Find(), .. parts]);
}
