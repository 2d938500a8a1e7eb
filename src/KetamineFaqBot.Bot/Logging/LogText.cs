using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KetamineFaqBot.Bot.Logging;

/// <summary>
/// The one rule for text that reaches a log line, applied to every entry by <see cref="SanitisingLoggerFactory"/>:
/// secret query values (Direct Line tokens, keys) are replaced by <see cref="Redacted"/>, and control characters —
/// CR/LF that would forge a line, NUL that makes the file binary, ANSI escapes, Unicode line separators and bidi
/// overrides — are written as visible escapes (<c>\r</c>, <c>\n</c>, <c>\0</c>, <c>\t</c>, <c>\u001B</c>).
/// Applying it twice changes nothing more.
/// </summary>
public static partial class LogText
{
    public const string Redacted = "[redacted]";

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(UnsafeCharacters());

    /// <summary>True when <see cref="Sanitise"/> would change <paramref name="text"/>.</summary>
    public static bool NeedsSanitising(string? text) =>
        text is not null && (text.AsSpan().ContainsAny(Unsafe) || (text.Contains('=', StringComparison.Ordinal) && SecretQueryValue().IsMatch(text)));

    public static string Sanitise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsSanitising(text))
        {
            return text;
        }

        var redacted = text.Contains('=', StringComparison.Ordinal) ? SecretQueryValue().Replace(text, Redacted) : text;
        var span = redacted.AsSpan();
        var builder = new StringBuilder(redacted.Length + 16);
        int next;
        while ((next = span.IndexOfAny(Unsafe)) >= 0)
        {
            builder.Append(span[..next]);
            builder.Append(Escape(span[next]));
            span = span[(next + 1)..];
        }

        return builder.Append(span).ToString();
    }

    private static string Escape(char c) => c switch
    {
        '\r' => "\\r",
        '\n' => "\\n",
        '\t' => "\\t",
        '\0' => "\\0",
        _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
    };

    private static string UnsafeCharacters()
    {
        var characters = new StringBuilder();
        for (var c = '\0'; c <= '\u009F'; c++)
        {
            if (char.IsControl(c))
            {
                characters.Append(c);
            }
        }

        // Line and paragraph separators, and the marks and overrides that reorder text as it is displayed.
        return characters.Append("\u2028\u2029\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069").ToString();
    }

    /// <summary>
    /// The value of a query parameter that carries a credential, in a URL or a bare query string (one already
    /// redacted excepted, so that sanitising twice changes nothing).
    /// </summary>
    [GeneratedRegex(
        @"(?<=[?&;](?:t|token|access_token|id_token|refresh_token|key|apikey|api_key|api-key|code|secret|client_secret|password|pwd|sig|signature)=)(?!\[redacted\](?![^&#\s]))[^&#\s]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretQueryValue();
}
