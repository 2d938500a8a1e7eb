using System.Globalization;
using System.Text;
using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>
/// The Markdown Web Chat shows when the user opens a citation: the cited passage laid out by the reviewed
/// <c>citation</c> response text. Corpus values are escaped, so a passage always shows as written; a template line
/// whose placeholder has no value (an index without review dates) is left out.
/// </summary>
public static class CitationView
{
    public static string Render(Citation citation, string template)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(template);
        (string Placeholder, string Value)[] values =
        [
            (ResponseKeys.CitationTitlePlaceholder, Escape(citation.Title.Trim())),
            (ResponseKeys.CitationSectionPlaceholder, Escape(citation.Section.Trim())),
            (ResponseKeys.CitationTextPlaceholder, Escape(citation.Text.Trim())),
            (ResponseKeys.CitationSourcePlaceholder, Escape(citation.Source.Trim())),
            (ResponseKeys.CitationReviewedPlaceholder, citation.ReviewedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty),
        ];

        var lines = new List<string>();
        foreach (var line in template.ReplaceLineEndings("\n").Split('\n'))
        {
            var used = values.Where(v => line.Contains(v.Placeholder, StringComparison.Ordinal)).ToList();
            if (used.Any(v => v.Value.Length == 0))
            {
                continue;
            }

            // Blank lines separate paragraphs; one is enough where a left-out line leaves two.
            if (line.Trim().Length == 0 && (lines.Count == 0 || lines[^1].Length == 0))
            {
                continue;
            }

            lines.Add(used.Aggregate(line, (text, v) => text.Replace(v.Placeholder, v.Value, StringComparison.Ordinal)).TrimEnd());
        }

        var view = string.Join('\n', lines).Trim();
        return view.Length > 0 ? view : Escape(citation.Title);
    }

    /// <summary>Backslash before every ASCII punctuation character: CommonMark then shows each one literally, so no
    /// passage text can turn into a heading, list, link, emphasis or HTML.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || !char.IsAscii(c) || (!char.IsPunctuation(c) && !char.IsSymbol(c)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }

        return builder.ToString();
    }
}
