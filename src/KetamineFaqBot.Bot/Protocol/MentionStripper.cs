using System.Text.RegularExpressions;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>Removes Teams <c>&lt;at&gt;Name&lt;/at&gt;</c> mentions so the pipeline sees only the question.</summary>
public static partial class MentionStripper
{
    public static string Strip(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var withoutMentions = MentionPattern().Replace(text, " ");
        return Whitespace().Replace(withoutMentions, " ").Trim();
    }

    [GeneratedRegex("<at(?:\\s[^>]*)?>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MentionPattern();

    [GeneratedRegex("[ \\t]+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Whitespace();
}
