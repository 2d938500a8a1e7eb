using CsCheck;
using KetamineFaqBot.Answering.Normalisation;

namespace KetamineFaqBot.Answering.Tests.Normalisation;

/// <summary>The normaliser over generated text: any string, and strings made of the markup and characters it cleans.</summary>
public sealed class MessageNormaliserPropertyTests
{
    private static readonly MessageNormaliser Normaliser = new(new MessageNormaliserOptions { MaxLength = 500 });

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["ab <>/at&amp;#39;;[]()\u200B\u200D\uFEFF\u00AD\u2019\u201C\u2014\t\r\n\u0000\u0007"], 0, 700],
        Gen.String[Gen.Char, 480, 520]);

    [Fact]
    public void Normalise_AnyText_NeverThrowsAndLeavesNoControlOrInvisibleCharacter()
    {
        Texts.Sample(text =>
        {
            var message = Normaliser.Normalise(text);

            Assert.DoesNotContain(message.Text, c => char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD');
            Assert.Equal(message.Text.Trim(), message.Text);
            Assert.DoesNotContain("  ", message.Text, StringComparison.Ordinal);
            Assert.Equal(message.Text.Length > 500, message.IsTooLong);
            Assert.NotNull(message.MatchText);
        }, iter: 2_000);
    }
}
