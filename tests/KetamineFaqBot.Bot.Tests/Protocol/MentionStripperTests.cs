using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.Tests.Protocol;

public sealed class MentionStripperTests
{
    [Theory]
    [InlineData("<at>Ketamine FAQ</at> how long is a session?", "how long is a session?")]
    [InlineData("how long <AT id=\"0\">Bot</AT> is it", "how long is it")]
    [InlineData("no mention", "no mention")]
    [InlineData("<at>Bot</at>", "")]
    [InlineData(null, "")]
    public void Strip_Mentions_RemovesThemAndTrims(string? text, string expected) =>
        Assert.Equal(expected, MentionStripper.Strip(text));
}
