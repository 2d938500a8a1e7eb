namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>A copy of the shipped corpus in a temp folder that a test may edit as a content owner would.</summary>
public sealed class TempCorpus : IDisposable
{
    public TempCorpus()
    {
        Folder = Path.Combine(Path.GetTempPath(), "kfaq-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "corpus")))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }
    }

    public string Folder { get; }

    /// <summary>Replaces <paramref name="oldText"/> (which must be there) in one corpus file.</summary>
    public void Edit(string fileName, string oldText, string newText)
    {
        var path = Path.Combine(Folder, fileName);
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{oldText}' is not in {fileName}.");
        }

        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "corpus")) && Directory.Exists(Path.Combine(dir.FullName, "prompts")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with corpus/ and prompts/) was not found above the test output.");
    }
}
