using KetamineFaqBot.Bot.Logging;

namespace KetamineFaqBot.Bot.Tests.Logging;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("a\r\nb", @"a\r\nb")]
    [InlineData("a\0b\tc", @"a\0b\tc")]
    [InlineData("\u001b[31mred", @"\u001B[31mred")]
    [InlineData("a\u0085b\u2028c\u2029d", @"a\u0085b\u2028c\u2029d")]
    [InlineData("file\u202Etxt.exe", @"file\u202Etxt.exe")]
    [InlineData("plain text, 100% ok = fine", "plain text, 100% ok = fine")]
    public void Sanitise_ControlCharacters_EscapedVisibly(string text, string expected) => Assert.Equal(expected, LogText.Sanitise(text));

    [Theory]
    [InlineData("GET /v3/directline/conversations/c1/stream?t=eyJhbGciOi.eyJ.sig", "GET /v3/directline/conversations/c1/stream?t=[redacted]")]
    [InlineData("/admin/index?key=abc123&view=full", "/admin/index?key=[redacted]&view=full")]
    [InlineData("?watermark=3&token=abc#frag", "?watermark=3&token=[redacted]#frag")]
    [InlineData("https://x.example/cb?code=one&state=two&client_secret=three", "https://x.example/cb?code=[redacted]&state=two&client_secret=[redacted]")]
    [InlineData("?API_KEY=abc&Sig=def&password=ghi", "?API_KEY=[redacted]&Sig=[redacted]&password=[redacted]")]
    [InlineData("?watermark=3&tt=keep&monkey=keep", "?watermark=3&tt=keep&monkey=keep")]
    public void Sanitise_SecretQueryValues_Redacted(string text, string expected) => Assert.Equal(expected, LogText.Sanitise(text));

    [Theory]
    [InlineData("a\r\n?t=secret\0")]
    [InlineData("\\r already escaped ?key=[redacted]")]
    public void Sanitise_Twice_SameAsOnce(string text)
    {
        var once = LogText.Sanitise(text);

        Assert.Equal(once, LogText.Sanitise(once));
        Assert.False(LogText.NeedsSanitising(once));
    }
}
