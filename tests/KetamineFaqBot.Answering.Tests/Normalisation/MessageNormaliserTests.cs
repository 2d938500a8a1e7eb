using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Answering.Normalisation;

namespace KetamineFaqBot.Answering.Tests.Normalisation;

public sealed class MessageNormaliserTests
{
    private static readonly MessageNormaliser Normaliser = new(new MessageNormaliserOptions { MaxLength = 60 });

    [Fact]
    public void Normalise_TeamsMention_RemovesMentionAndTrims()
    {
        var result = Normaliser.Normalise("<at>Ketamine FAQ</at>  what are the side effects?");

        Assert.Equal("what are the side effects?", result.Text);
    }

    [Fact]
    public void Normalise_MarkupAndEntities_StripsTagsAndDecodes()
    {
        var result = Normaliser.Normalise("<p>Is it <b>safe</b>?&nbsp;Tom &amp; Jerry&#39;s clinic</p>");

        Assert.Equal("Is it safe ? Tom & Jerry's clinic", result.Text);
    }

    [Fact]
    public void Normalise_CurlyQuotesDashesAndWhitespace_Straightened()
    {
        var result = Normaliser.Normalise("I\u2019m  \u201Cfine\u201D \u2014\tthanks\n\n");

        Assert.Equal("I'm \"fine\" - thanks", result.Text);
        Assert.Equal("im \"fine\" - thanks", result.MatchText);
    }

    [Fact]
    public void Normalise_ZeroWidthCharacters_Removed() =>
        Assert.Equal("kill myself", Normaliser.Normalise("ki\u200Bll my\u200Dself").Text);

    [Fact]
    public void Normalise_MarkdownLink_KeepsLinkText() =>
        Assert.Equal("see the trial page", Normaliser.Normalise("see [the trial page](https://example.org/x)").Text);

    [Fact]
    public void Normalise_OverLimit_FlagsTooLongWithoutTruncating()
    {
        var text = new string('a', 61);

        var result = Normaliser.Normalise(text);

        Assert.True(result.IsTooLong);
        Assert.Equal(61, result.Text.Length);
        Assert.Equal(60, result.MaxLength);
    }

    [Fact]
    public void Normalise_AtLimitAfterCleanUp_NotTooLong()
    {
        var result = Normaliser.Normalise("<at>Bot</at> " + new string('a', 60));

        Assert.False(result.IsTooLong);
    }

    [Fact]
    public void Normalise_OnlyAMention_Empty()
    {
        var result = Normaliser.Normalise("<at>Bot</at>");

        Assert.True(result.IsEmpty);
        Assert.False(result.IsTooLong);
    }

    [Fact]
    public void Normalise_Null_Empty() => Assert.True(Normaliser.Normalise(null).IsEmpty);

    [Fact]
    public void Constructor_DefaultOptions_LimitIs1000() =>
        Assert.Equal(1000, new MessageNormaliser(new MessageNormaliserOptions()).Normalise("hi").MaxLength);

    [Theory]
    [InlineData("I'M Not OK", "im not ok")]
    [InlineData("don’t", "dont")]
    [InlineData("  café   crème ", "cafe creme")]
    [InlineData("self–harm", "self-harm")]
    public void Fold_Variants_MatchForm(string input, string expected) =>
        Assert.Equal(expected, MatchText.Fold(input));

    [Fact]
    public void Fold_AlreadyFolded_ReturnsSameInstance()
    {
        const string folded = "im not ok";

        Assert.Same(folded, MatchText.Fold(folded));
    }
}
