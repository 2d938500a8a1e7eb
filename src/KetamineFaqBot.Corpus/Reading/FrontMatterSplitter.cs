namespace KetamineFaqBot.Corpus.Reading;

/// <summary>Splits a Markdown file into its YAML front matter (between two "---" lines at the top) and its body.</summary>
internal static class FrontMatterSplitter
{
    /// <param name="lines">File lines, line endings removed.</param>
    /// <param name="yaml">Front matter text.</param>
    /// <param name="yamlFirstLine">1-based file line of the first front-matter line.</param>
    /// <param name="body">Markdown after the closing delimiter.</param>
    /// <param name="bodyFirstLine">1-based file line of the first body line.</param>
    /// <returns>False when the file has no (closed) front matter.</returns>
    public static bool TrySplit(IReadOnlyList<string> lines, out string yaml, out int yamlFirstLine, out string body, out int bodyFirstLine)
    {
        yaml = string.Empty;
        body = string.Empty;
        yamlFirstLine = 2;
        bodyFirstLine = 1;
        if (lines.Count == 0 || lines[0].TrimStart('\uFEFF').TrimEnd() != "---")
        {
            return false;
        }

        for (var i = 1; i < lines.Count; i++)
        {
            var trimmed = lines[i].TrimEnd();
            if (trimmed is "---" or "...")
            {
                yaml = string.Join('\n', lines.Skip(1).Take(i - 1));
                body = string.Join('\n', lines.Skip(i + 1));
                bodyFirstLine = i + 2;
                return true;
            }
        }

        return false;
    }
}
