using KetamineFaqBot.Bot.BotFramework.Authentication;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Tests.BotFramework.Authentication;

public sealed class ServiceUrlAllowlistTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.TrafficManager.NET/apac/")]
    [InlineData("https://directline.botframework.com/")]
    [InlineData("https://europe.directline.botframework.com/")]
    [InlineData("https://webchat.botframework.com/")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/")]
    public void Evaluate_DefaultHosts_Allowed(string serviceUrl)
    {
        Assert.Equal(ServiceUrlVerdict.Allowed, Create().Evaluate(new Uri(serviceUrl), anonymousMode: false));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net.evil.com/")]
    [InlineData("https://evilsmba.trafficmanager.net/")]
    [InlineData("https://evil.trafficmanager.net/")]
    [InlineData("https://x.smba.trafficmanager.net/")]
    [InlineData("https://botframework.com/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com.evil.com/")]
    [InlineData("https://directline.botframework.com.evil.com/")]
    [InlineData("https://smba.trafficmanager.net./emea/")]
    [InlineData("https://20.50.1.1/")]
    [InlineData("https://[::1]/")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("https://localhost/")]
    public void Evaluate_LookAlikeOrUnlistedHosts_HostNotAllowed(string serviceUrl)
    {
        Assert.Equal(ServiceUrlVerdict.HostNotAllowed, Create().Evaluate(new Uri(serviceUrl), anonymousMode: false));
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("http://directline.botframework.com/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("http://localhost:3978/")]
    public void Evaluate_NotHttpsWithCredentials_InsecureScheme(string serviceUrl)
    {
        Assert.Equal(ServiceUrlVerdict.InsecureScheme, Create().Evaluate(new Uri(serviceUrl), anonymousMode: false));
    }

    [Theory]
    [InlineData("https://user@smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net@evil.com/")]
    public void Evaluate_UserInfo_Refused(string serviceUrl)
    {
        Assert.Equal(ServiceUrlVerdict.HasUserInfo, Create().Evaluate(new Uri(serviceUrl), anonymousMode: false));
    }

    [Theory]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://127.0.0.1:50000/")]
    [InlineData("http://[::1]:50000/")]
    [InlineData("https://localhost:5001/")]
    public void Evaluate_LoopbackInAnonymousMode_Allowed(string serviceUrl)
    {
        Assert.Equal(ServiceUrlVerdict.Allowed, Create().Evaluate(new Uri(serviceUrl), anonymousMode: true));
    }

    [Theory]
    [InlineData("http://evil.example/", ServiceUrlVerdict.InsecureScheme)]
    [InlineData("https://evil.example/", ServiceUrlVerdict.HostNotAllowed)]
    [InlineData("http://10.0.0.5/", ServiceUrlVerdict.InsecureScheme)]
    [InlineData("http://169.254.169.254/metadata/", ServiceUrlVerdict.InsecureScheme)]
    [InlineData("https://smba.trafficmanager.net/emea/", ServiceUrlVerdict.Allowed)]
    public void Evaluate_NonLoopbackInAnonymousMode_FollowsAllowlist(string serviceUrl, ServiceUrlVerdict expected)
    {
        Assert.Equal(expected, Create().Evaluate(new Uri(serviceUrl), anonymousMode: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    public void Evaluate_MissingOrRelative_NotAbsolute(string? serviceUrl)
    {
        Assert.Equal(ServiceUrlVerdict.NotAbsolute, Create().Evaluate(serviceUrl, anonymousMode: true));
    }

    [Fact]
    public void IsAllowed_MirrorsEvaluate()
    {
        ServiceUrlAllowlist allowlist = Create();

        Assert.True(allowlist.IsAllowed(new Uri("https://smba.trafficmanager.net/emea/"), anonymousMode: false));
        Assert.False(allowlist.IsAllowed(new Uri("https://evilsmba.trafficmanager.net/"), anonymousMode: false));
    }

    [Fact]
    public void Evaluate_ConfiguredHosts_ReplaceDefaults()
    {
        ServiceUrlAllowlist allowlist = Create("bot.contoso.example", "*.channels.contoso.example");

        Assert.Equal(ServiceUrlVerdict.Allowed, allowlist.Evaluate(new Uri("https://bot.contoso.example/"), false));
        Assert.Equal(ServiceUrlVerdict.Allowed, allowlist.Evaluate(new Uri("https://eu.channels.contoso.example/"), false));
        Assert.Equal(ServiceUrlVerdict.HostNotAllowed, allowlist.Evaluate(new Uri("https://channels.contoso.example/"), false));
        Assert.Equal(ServiceUrlVerdict.HostNotAllowed, allowlist.Evaluate(new Uri("https://smba.trafficmanager.net/emea/"), false));
    }

    [Theory]
    [InlineData("*.trafficmanager.net")]
    [InlineData("*.azurewebsites.net")]
    [InlineData("*.com")]
    [InlineData("https://smba.trafficmanager.net")]
    [InlineData("smba.trafficmanager.net/emea")]
    [InlineData("")]
    public void Constructor_UnsafeOrInvalidEntry_Throws(string entry)
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => Create(entry));

        Assert.Contains("AllowedServiceUrlHosts", error.Message, StringComparison.Ordinal);
    }

    private static ServiceUrlAllowlist Create(params string[] hosts)
    {
        var options = new BotAuthenticationOptions();
        foreach (string host in hosts)
        {
            options.AllowedServiceUrlHosts.Add(host);
        }

        return new ServiceUrlAllowlist(Microsoft.Extensions.Options.Options.Create(options), NullLogger<ServiceUrlAllowlist>.Instance);
    }
}
