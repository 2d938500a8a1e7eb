using System.Text;

namespace KetamineFaqBot.Answering.Guardrails;

/// <summary>
/// The form rules are written against: lower case, apostrophes removed ("I'm" → "im", "don’t" → "dont"),
/// dashes unified to "-", accents and zero-width characters removed, whitespace collapsed.
/// Folding twice gives the same text, so callers may pass text that is already folded.
/// </summary>
public static class MatchText
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsFolded(text))
        {
            return text;
        }

        var source = text;
        if (!Ascii.IsValid(source))
        {
            source = RemoveMarks(source);
        }

        var builder = new StringBuilder(source.Length);
        var pendingSpace = false;
        foreach (var raw in source)
        {
            if (IsDropped(raw))
            {
                continue;
            }

            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(Map(raw));
        }

        return builder.ToString();
    }

    private static bool IsFolded(string text)
    {
        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c > 127 || char.IsAsciiLetterUpper(c) || IsDropped(c) || (char.IsWhiteSpace(c) && (c != ' ' || previousSpace)))
            {
                return false;
            }

            previousSpace = c == ' ';
        }

        return true;
    }

    // SAFETY: apostrophes and invisible characters are dropped so "i'm", "im" and "i\u200Bm" all read the same.
    private static bool IsDropped(char c) => c is '\'' or '`' or '\u00B4' or '\u2018' or '\u2019' or '\u02BC'
        or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static char Map(char c) => c switch
    {
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        _ => char.ToLowerInvariant(c),
    };

    // Invariant globalization leaves string.Normalize unavailable for non-ASCII text, so common accented
    // Latin letters and full-width forms are folded by table.
    private const string Latin1From = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";
    private const string Latin1To = "aaaaaaceeeeiiiinoooooouuuuyy";

    private static string RemoveMarks(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = char.ToLowerInvariant(chars[i]);
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }

            var index = Latin1From.IndexOf(c, StringComparison.Ordinal);
            chars[i] = index >= 0 ? Latin1To[index] : c;
        }

        return new string(chars);
    }
}
