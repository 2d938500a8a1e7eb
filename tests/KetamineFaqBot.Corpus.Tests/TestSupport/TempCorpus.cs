using System.Globalization;

namespace KetamineFaqBot.Corpus.Tests.TestSupport;

/// <summary>A corpus folder in the temp directory, deleted after the test.</summary>
public sealed class TempCorpus : IDisposable
{
    public TempCorpus()
    {
        Folder = Path.Combine(Path.GetTempPath(), "kfaq-corpus-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a valid document; <paramref name="frontMatterExtra"/> lines replace same-named defaults.</summary>
    public string WriteDocument(string id, string body = "## A section\n\nSome text.\n", string? faq = null, params string[] frontMatterExtra)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = id,
            ["title"] = "Title of " + id,
            ["topic"] = "overview",
            ["audience"] = "both",
            ["summary"] = "A summary.",
            ["source"] = "Test source",
            ["reviewed_by"] = "Clinical content team",
            ["reviewed_on"] = "2026-11-20",
            ["review_due"] = "2027-11-20",
        };
        var removed = new List<string>();
        foreach (var extra in frontMatterExtra)
        {
            var name = extra.Split(':')[0];
            if (extra.EndsWith(":-", StringComparison.Ordinal))
            {
                fields.Remove(name);
                continue;
            }

            fields[name] = extra[(name.Length + 1)..].Trim();
        }

        var frontMatter = string.Join('\n', fields.Select(f => $"{f.Key}: {f.Value}"));
        if (faq is not null)
        {
            frontMatter += "\nfaq:\n" + faq;
        }

        return Write(id + ".md", $"---\n{frontMatter}\n---\n\n{body}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does not affect other tests.
        }
    }
}
