using System.Text.RegularExpressions;

namespace KetamineFaqBot.Storage.Redaction;

/// <summary>
/// Removes contact details and identifiers from free text before it is stored: e-mail addresses, phone numbers and
/// any run of six or more digits (record numbers, card or insurance numbers, dates of birth written as digits).
/// Short numbers such as "988" or "2 weeks" stay, so a redacted question still says what was asked.
/// </summary>
public static partial class TextRedactor
{
    public const string Email = "[email]";
    public const string Phone = "[phone]";
    public const string Number = "[number]";

    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var redacted = EmailPattern().Replace(text, Email);
        redacted = PhonePattern().Replace(redacted, Phone);
        return DigitRunPattern().Replace(redacted, Number);
    }

    [GeneratedRegex(@"[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w+])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\w)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\d(?:[\s./-]?\d){5,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DigitRunPattern();
}
