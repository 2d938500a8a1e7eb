using System.Text.RegularExpressions;

namespace KetamineFaqBot.Storage.Redaction;

/// <summary>
/// Removes contact details and identifiers from free text before it is stored: e-mail addresses (also spelled out:
/// "jane dot doe at example dot com"), phone numbers, street addresses, the name after an introduction ("my name is
/// …", "I'm Jane") and any run of six or more digits (record numbers, card or insurance numbers, dates of birth
/// written as digits). Short numbers such as "988" or "2 weeks" stay, so a redacted question still says what was asked.
/// Redacting redacted text changes nothing. A text the patterns cannot finish with in time is replaced whole.
/// </summary>
public static partial class TextRedactor
{
    public const string Email = "[email]";
    public const string Phone = "[phone]";
    public const string Number = "[number]";
    public const string Address = "[address]";
    public const string Name = "[name]";

    /// <summary>Stored in place of a text the patterns could not finish with in time (a machine under heavy load).</summary>
    public const string Unchecked = "[redacted]";

    /// <summary>Generous: the non-backtracking patterns are linear, but their first use builds automata, and a loaded machine is slow.</summary>
    private const int TimeoutMilliseconds = 2_000;

    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        try
        {
            var redacted = EmailPattern().Replace(text, Email);
            redacted = SpelledEmailPattern().Replace(redacted, Email);
            redacted = StreetAddressPattern().Replace(redacted, Address);
            redacted = AddressCuePattern().Replace(redacted, m => m.Groups["cue"].Value + Address);
            redacted = PhonePattern().Replace(redacted, Phone);
            redacted = DigitRunPattern().Replace(redacted, Number);
            return NameIntroduction.Redact(redacted);
        }
        catch (RegexMatchTimeoutException)
        {
            // SAFETY: text that could not be checked in time is not stored at all, rather than stored unchecked.
            return Unchecked;
        }
    }

    [GeneratedRegex(@"[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: TimeoutMilliseconds)]
    private static partial Regex EmailPattern();

    /// <summary>"jane dot doe at example dot com", "jane (at) example (dot) org", "jane at example.com".</summary>
    [GeneratedRegex(
        @"\b[A-Z0-9_%+-]+(?:(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\.)[A-Z0-9_%+-]+){0,4}(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)[A-Z0-9-]+(?:(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\.)[A-Z0-9-]+){0,3}(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\.)(?:com|org|net|edu|gov|mil|info|biz|io|me|co|us|uk|ca|au|de|fr|nl|ie|nz|health|email|mail)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: TimeoutMilliseconds)]
    private static partial Regex SpelledEmailPattern();

    /// <summary>"12 Oak Street", "4500 North Lake Shore Dr, Apt 4B": a house number, capitalised words, a street type.</summary>
    [GeneratedRegex(
        @"\b\d{1,6}[A-Za-z]?\s+(?:[A-Z][A-Za-z'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Square|Sq|Crescent|Close|Trail|Row|street|avenue|road|boulevard|lane|drive|court|terrace|parkway|highway)\b\.?(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|Flat|#)\.?\s*#?[A-Za-z0-9-]{1,6}\b)?",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: TimeoutMilliseconds)]
    private static partial Regex StreetAddressPattern();

    /// <summary>"I live at 12 oak street": after a stated address, the rest of the clause, whatever its case.</summary>
    [GeneratedRegex(
        @"(?<cue>\b(?:i\s+live|we\s+live|lives|living|located)\s+(?:at|on)\s+|\bmy\s+address\s+is\s+|\baddress:\s*)\d{1,6}[A-Za-z]?\s+[^\n,.;!?()]{1,60}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: TimeoutMilliseconds)]
    private static partial Regex AddressCuePattern();

    [GeneratedRegex(@"(?<![\w+])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\w)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: TimeoutMilliseconds)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\d(?:[\s./-]?\d){5,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: TimeoutMilliseconds)]
    private static partial Regex DigitRunPattern();
}
