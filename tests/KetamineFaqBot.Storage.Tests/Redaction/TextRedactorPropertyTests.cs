using System.Text.RegularExpressions;
using CsCheck;
using KetamineFaqBot.Storage.Redaction;

namespace KetamineFaqBot.Storage.Tests.Redaction;

/// <summary>The redactor over generated text: any text, and text built from the pieces personal details are made of.</summary>
public sealed partial class TextRedactorPropertyTests
{
    // Arbitrary strings, strings from the alphabet of e-mail addresses, phone numbers and street addresses, and
    // sentences that carry such details in the places patients put them.
    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["abcxyzAJ @.-_()[]{}<>0123456789+ dotat\n\t"], 0, 160],
        Gen.Select(
            Gen.String[Gen.Char.AlphaNumeric, 1, 12],
            Gen.String[Gen.Char.AlphaNumeric, 1, 12],
            Gen.Int[0, 99_999],
            Gen.Long[1_000_000, 9_999_999_999],
            (first, last, house, phone) =>
                $"hi my name is {first} {last}, call me on {phone} or write to {first}.{last}@example.com, I live at {house} Oak Street, apt {house % 90}"));

    [Fact]
    public void Redact_AnyText_IsIdempotent()
    {
        Texts.Sample(text =>
        {
            var once = TextRedactor.Redact(text);
            Assert.Equal(once, TextRedactor.Redact(once));
        }, iter: 2_000);
    }

    [Fact]
    public void Redact_AnyText_LeavesNoEmailAddressOrLongDigitRun()
    {
        Texts.Sample(text =>
        {
            var redacted = TextRedactor.Redact(text) ?? string.Empty;
            Assert.DoesNotMatch(EmailAddress(), redacted);
            Assert.DoesNotMatch(LongDigitRun(), redacted);
        }, iter: 2_000);
    }

    [GeneratedRegex(@"[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"\d{7,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitRun();
}
