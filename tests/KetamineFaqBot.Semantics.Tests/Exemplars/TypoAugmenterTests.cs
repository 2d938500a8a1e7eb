using KetamineFaqBot.Semantics.Exemplars;

namespace KetamineFaqBot.Semantics.Tests.Exemplars;

public sealed class TypoAugmenterTests
{
    private const string Message = "i have the pills lined up on my desk and i want to end my life tonight";

    [Fact]
    public void Augment_SameSeed_GivesSameCopy()
    {
        var first = TypoAugmenter.Augment(Message, new Random(20261207));
        var second = TypoAugmenter.Augment(Message, new Random(20261207));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Augment_SameSeedOverManyMessages_GivesSameSequence()
    {
        string[] messages = ["what is ketamine", "how long does an infusion take", Message];

        var first = Sequence(new Random(42));
        var second = Sequence(new Random(42));

        Assert.Equal(first, second);

        List<string> Sequence(Random random) => messages.Select(m => TypoAugmenter.Augment(m, random)).ToList();
    }

    [Fact]
    public void Augment_LongMessage_ChangesTheTextByAFewCharacters()
    {
        var copy = TypoAugmenter.Augment(Message, new Random(20261207));

        Assert.NotEqual(Message, copy);
        Assert.InRange(copy.Length, Message.Length - 6, Message.Length + 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("k")]
    [InlineData("hi")]
    [InlineData("hey")]
    [InlineData("kms")]
    [InlineData("yo!")]
    [InlineData("help")]
    public void Augment_ShortText_DoesNotThrow(string text)
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var copy = TypoAugmenter.Augment(text, new Random(seed));

            Assert.InRange(copy.Length, Math.Max(0, text.Length - 1), text.Length + 1);
        }
    }

    [Fact]
    public void Augment_TextOfThreeOrFewerCharacters_IsUnchanged()
    {
        Assert.Equal("kms", TypoAugmenter.Augment("kms", new Random(1)));
        Assert.Equal(string.Empty, TypoAugmenter.Augment(string.Empty, new Random(1)));
    }
}
