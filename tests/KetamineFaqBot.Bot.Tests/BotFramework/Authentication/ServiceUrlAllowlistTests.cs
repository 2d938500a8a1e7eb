using KetamineFaqBot.Bot.BotFramework.Authentication;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Extensions.Logging;
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
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("http://[::1]:3978/")]
    [InlineData("https://localhost:3978/")]
    [InlineData("http://127.0.0.1:49152/emulator/")]
    [InlineData("http://localhost:65535/")]
    public void Evaluate_LoopbackOnListedPortInAnonymousMode_Allowed(string serviceUrl)
    {
        Assert.Equal(ServiceUrlVerdict.Allowed, CreateWithPorts("3978", "49152-65535").Evaluate(new Uri(serviceUrl), anonymousMode: true));
    }

    [Theory]
    [InlineData("http://localhost:3979/")]
    [InlineData("http://127.0.0.1:6379/")]
    [InlineData("http://[::1]:5080/")]
    [InlineData("https://localhost:49151/")]
    [InlineData("http://localhost/")]
    [InlineData("https://127.0.0.1/")]
    public void Evaluate_LoopbackOnUnlistedPortInAnonymousMode_LoopbackPortNotAllowed(string serviceUrl)
    {
        Assert.Equal(ServiceUrlVerdict.LoopbackPortNotAllowed, CreateWithPorts("3978", "49152-65535").Evaluate(new Uri(serviceUrl), anonymousMode: true));
    }

    [Theory]
    [InlineData("http://127.0.0.1:32768/", ServiceUrlVerdict.Allowed)]
    [InlineData("http://localhost:49152/", ServiceUrlVerdict.Allowed)]
    [InlineData("http://[::1]:60999/", ServiceUrlVerdict.Allowed)]
    [InlineData("http://localhost:65535/", ServiceUrlVerdict.Allowed)]
    [InlineData("http://localhost:32767/", ServiceUrlVerdict.LoopbackPortNotAllowed)]
    [InlineData("http://localhost:3978/", ServiceUrlVerdict.LoopbackPortNotAllowed)]
    [InlineData("http://127.0.0.1:6379/", ServiceUrlVerdict.LoopbackPortNotAllowed)]
    public void Evaluate_LoopbackInAnonymousModeWithDefaultPorts_AllowsOnlyTheEphemeralRanges(string serviceUrl, ServiceUrlVerdict expected)
    {
        Assert.Equal(expected, Create().Evaluate(new Uri(serviceUrl), anonymousMode: true));
    }

    [Theory]
    [InlineData("http://user@127.0.0.1:3978/")]
    [InlineData("http://user:password@localhost:3978/")]
    [InlineData("http://localhost:3978@127.0.0.1:3978/")]
    public void Evaluate_UserInfoOnListedLoopbackPortInAnonymousMode_HasUserInfo(string serviceUrl)
    {
        Assert.Equal(ServiceUrlVerdict.HasUserInfo, CreateWithPorts("3978").Evaluate(new Uri(serviceUrl), anonymousMode: true));
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978/", ServiceUrlVerdict.InsecureScheme)]
    [InlineData("http://localhost:3978/", ServiceUrlVerdict.InsecureScheme)]
    [InlineData("https://localhost:3978/", ServiceUrlVerdict.HostNotAllowed)]
    [InlineData("https://[::1]:3978/", ServiceUrlVerdict.HostNotAllowed)]
    public void Evaluate_LoopbackOnListedPortWithCredentials_Refused(string serviceUrl, ServiceUrlVerdict expected)
    {
        Assert.Equal(expected, CreateWithPorts("3978").Evaluate(new Uri(serviceUrl), anonymousMode: false));
    }

    [Fact]
    public void Evaluate_RefusedLoopbackPort_LogsHostAndPortOnly()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var options = new BotAuthenticationOptions();
        options.AllowedLoopbackReplyPorts.Add("3978");
        var allowlist = new ServiceUrlAllowlist(Microsoft.Extensions.Options.Options.Create(options), factory.CreateLogger<ServiceUrlAllowlist>());

        allowlist.Evaluate(new Uri("http://127.0.0.1:6379/secret/path?key=value"), anonymousMode: true);

        var entry = Assert.Single(logs.Entries, e => e.EventId.Id == 4130);
        Assert.Equal("Reply refused: serviceUrl LoopbackPortNotAllowed (host 127.0.0.1, port 6379).", entry.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("3978-")]
    [InlineData("5000-4000")]
    [InlineData("http")]
    [InlineData("")]
    public void Constructor_InvalidLoopbackPort_Throws(string entry)
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => CreateWithPorts(entry));

        Assert.Contains("Bot:AllowedLoopbackReplyPorts", error.Message, StringComparison.Ordinal);
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

    private static ServiceUrlAllowlist CreateWithPorts(params string[] ports)
    {
        var options = new BotAuthenticationOptions();
        foreach (string port in ports)
        {
            options.AllowedLoopbackReplyPorts.Add(port);
        }

        return new ServiceUrlAllowlist(Microsoft.Extensions.Options.Options.Create(options), NullLogger<ServiceUrlAllowlist>.Instance);
    }
}
