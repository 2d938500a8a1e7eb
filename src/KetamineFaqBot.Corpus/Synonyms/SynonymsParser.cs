using System.Globalization;
using System.Text;
using KetamineFaqBot.Corpus.Linting;

namespace KetamineFaqBot.Corpus.Synonyms;

/// <summary>
/// Parses synonyms.txt: one group of interchangeable terms per line, separated by commas; terms may be phrases;
/// lines starting with # are comments. Malformed lines are reported and skipped, never thrown.
/// </summary>
public static class SynonymsParser
{
    public const string FileName = "synonyms.txt";

    /// <param name="text">Content of the synonyms file.</param>
    /// <param name="file">Path used in findings.</param>
    public static SynonymsParseResult Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);

        var groups = new List<IReadOnlyList<string>>();
        var findings = new List<LintFinding>();
        var firstLineOfTerm = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');

        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var problem = Validate(line, out var terms);
            if (problem is not null)
            {
                findings.Add(new LintFinding(file, lineNumber, LintSeverity.Error, LintRules.SynonymsMalformed, problem));
                continue;
            }

            foreach (var term in terms)
            {
                // A term in two groups silently merges them at query time; the owner should merge them on purpose.
                if (firstLineOfTerm.TryGetValue(term, out var firstLine))
                {
                    findings.Add(new LintFinding(file, lineNumber, LintSeverity.Warning, LintRules.SynonymsDuplicateTerm,
                        $"'{term}' is already in the group on line {firstLine}; merge the two groups."));
                }
                else
                {
                    firstLineOfTerm[term] = lineNumber;
                }
            }

            groups.Add(terms);
        }

        return new SynonymsParseResult(groups, findings);
    }

    private static string? Validate(string line, out IReadOnlyList<string> terms)
    {
        terms = [];
        if (line.Contains("=>", StringComparison.Ordinal))
        {
            return "one-way mappings (a => b) are not supported; list interchangeable terms separated by commas.";
        }

        var raw = line.Split(',');
        var normalised = new List<string>(raw.Length);
        foreach (var part in raw)
        {
            var term = NormaliseTerm(part);
            if (term.Length == 0)
            {
                return "empty term; remove the extra comma.";
            }

            var invalid = term.FirstOrDefault(c => !IsAllowed(c));
            if (invalid != default)
            {
                return $"term '{term}' contains '{invalid}'; use letters, digits, spaces, hyphens, apostrophes and dots only.";
            }

            if (!normalised.Contains(term))
            {
                normalised.Add(term);
            }
        }

        if (normalised.Count < 2)
        {
            return "a group needs at least two different terms separated by commas.";
        }

        terms = normalised;
        return null;
    }

    private static bool IsAllowed(char c) => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '.';

    private static string NormaliseTerm(string part)
    {
        var builder = new StringBuilder(part.Length);
        var pendingSpace = false;
        foreach (var c in part.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
