using System.Globalization;
using System.Text;

namespace KetamineFaqBot.Corpus.Reading;

/// <summary>Heading slugs for passage ids: lower case ASCII letters and digits, other runs become one hyphen.</summary>
internal static class Slug
{
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '\'' && c != '\u2019')
            {
                pendingHyphen = true;
            }
        }

        return builder.Length == 0 ? "section" : builder.ToString();
    }

    /// <summary>True when <paramref name="id"/> is already a slug (lower case letters, digits, single hyphens).</summary>
    public static bool IsSlug(string id) => id.Length > 0 && From(id) == id;
}
