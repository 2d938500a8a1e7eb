using KetamineFaqBot.Bot.SecurityHeaders;

namespace KetamineFaqBot.Bot.Tests.SecurityHeaders;

public sealed class FrameAncestorTests
{
    [Theory]
    [InlineData("https://clinic.example", "https://clinic.example")]
    [InlineData("https://clinic.example/", "https://clinic.example")]
    [InlineData("https://Clinic.Example:443", "https://clinic.example")]
    [InlineData("https://portal.clinic.example:8443", "https://portal.clinic.example:8443")]
    [InlineData("https://203.0.113.7", "https://203.0.113.7")]
    [InlineData("https://bücher.example", "https://xn--bcher-kva.example")]
    [InlineData("http://localhost:3000", "http://localhost:3000")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080")]
    public void TryNormalise_Origin_SchemeHostAndPortInLowerCase(string value, string expected)
    {
        Assert.True(FrameAncestor.TryNormalise(value, out var origin));
        Assert.Equal(expected, origin);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("clinic.example")]
    [InlineData("https://clinic.example/embed")]
    [InlineData("https://clinic.example/?x=1")]
    [InlineData("https://clinic.example/#chat")]
    [InlineData("https://user@clinic.example")]
    [InlineData("https://*.clinic.example")]
    [InlineData("*")]
    [InlineData("'none'")]
    [InlineData("'self'")]
    [InlineData("https://clinic.example; script-src *")]
    [InlineData("https://clinic.example https://other.example")]
    [InlineData("https://clinic.example,https://other.example")]
    [InlineData(" https://clinic.example")]
    [InlineData("http://clinic.example")]
    [InlineData("https://[2001:db8::1]")]
    [InlineData("ftp://clinic.example")]
    [InlineData("file:///srv/page.html")]
    [InlineData("javascript:alert(1)")]
    public void TryNormalise_NotAnOrigin_Refused(string value)
    {
        Assert.False(FrameAncestor.TryNormalise(value, out var origin));
        Assert.Null(origin);
    }
}
