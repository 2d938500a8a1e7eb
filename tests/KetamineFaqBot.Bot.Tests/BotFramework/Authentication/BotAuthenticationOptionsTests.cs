using KetamineFaqBot.Bot.BotFramework.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Tests.BotFramework.Authentication;

public sealed class BotAuthenticationOptionsTests
{
    [Fact]
    public void Defaults_MatchBotFrameworkPublicCloud()
    {
        var options = new BotAuthenticationOptions();

        Assert.True(options.IsAuthenticationDisabled);
        Assert.Equal(MicrosoftAppType.MultiTenant, options.MicrosoftAppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.ChannelOpenIdMetadataUrl.AbsoluteUri);
        Assert.Equal("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", options.EmulatorOpenIdMetadataUrl.AbsoluteUri);
        Assert.Equal("https://api.botframework.com", options.ChannelIssuer);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ClockSkew);
        Assert.Contains("smba.trafficmanager.net", options.EffectiveAllowedServiceUrlHosts);
        Assert.DoesNotContain("*.trafficmanager.net", options.EffectiveAllowedServiceUrlHosts);
        Assert.Empty(BotAuthenticationOptionsValidator.GetErrors(options));
    }

    [Fact]
    public void Bind_ConfiguredLists_ReplaceDefaultsAndParseValues()
    {
        BotAuthenticationOptions options = Resolve(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "app",
            ["Bot:MicrosoftAppPassword"] = "secret",
            ["Bot:MicrosoftAppType"] = "SingleTenant",
            ["Bot:MicrosoftAppTenantId"] = "0e3f7a6b-5c4d-4e2f-8a9b-0c1d2e3f4a5b",
            ["Bot:AllowedServiceUrlHosts:0"] = "smba.trafficmanager.net",
            ["Bot:RequiredEndorsements:0"] = "msteams",
            ["Bot:ClockSkew"] = "00:02:00",
        });

        Assert.Equal(MicrosoftAppType.SingleTenant, options.MicrosoftAppType);
        Assert.Equal(["smba.trafficmanager.net"], options.EffectiveAllowedServiceUrlHosts);
        Assert.Equal(["msteams"], options.RequiredEndorsements);
        Assert.Equal(TimeSpan.FromMinutes(2), options.ClockSkew);
    }

    [Fact]
    public void Resolve_SingleTenantWithoutTenant_FailsAtStartWithKeyName()
    {
        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => Resolve(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "app",
            ["Bot:MicrosoftAppPassword"] = "secret",
            ["Bot:MicrosoftAppType"] = "SingleTenant",
        }));

        Assert.Contains("Bot:MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MicrosoftAppType.MultiTenant, "app", null, null, "Bot:MicrosoftAppPassword")]
    [InlineData(MicrosoftAppType.SingleTenant, "app", "secret", null, "Bot:MicrosoftAppTenantId")]
    [InlineData(MicrosoftAppType.SingleTenant, null, "secret", "contoso.onmicrosoft.com", "Bot:MicrosoftAppId")]
    [InlineData(MicrosoftAppType.UserAssignedMSI, "client-id", null, null, "Bot:MicrosoftAppTenantId")]
    [InlineData(MicrosoftAppType.UserAssignedMSI, null, null, "contoso.onmicrosoft.com", "Bot:MicrosoftAppId")]
    [InlineData(MicrosoftAppType.SingleTenant, "app", "secret", "evil.example/../x", "Bot:MicrosoftAppTenantId")]
    public void GetErrors_InconsistentCredentials_NameTheMissingKey(MicrosoftAppType type, string? appId, string? password, string? tenant, string expectedKey)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppType = type,
            MicrosoftAppId = appId,
            MicrosoftAppPassword = password,
            MicrosoftAppTenantId = tenant,
        };

        Assert.Contains(BotAuthenticationOptionsValidator.GetErrors(options), e => e.Contains(expectedKey, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://127.0.0.1:5000/channel/.well-known/openid-configuration", true)]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    public void GetErrors_MetadataUrl_RequiresHttpsExceptLoopback(string url, bool valid)
    {
        var options = new BotAuthenticationOptions { ChannelOpenIdMetadataUrl = new Uri(url) };

        Assert.Equal(valid, !BotAuthenticationOptionsValidator.GetErrors(options).Any(e => e.Contains("ChannelOpenIdMetadataUrl", StringComparison.Ordinal)));
    }

    [Fact]
    public void GetErrors_WildcardOverTrafficManager_Rejected()
    {
        var options = new BotAuthenticationOptions();
        options.AllowedServiceUrlHosts.Add("*.trafficmanager.net");

        Assert.Contains(BotAuthenticationOptionsValidator.GetErrors(options), e => e.Contains("AllowedServiceUrlHosts", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_LoopbackReplyPortsCoverTheEphemeralRangesOnly()
    {
        var options = new BotAuthenticationOptions();

        Assert.Equal(["32768-65535"], options.EffectiveAllowedLoopbackReplyPorts);
    }

    [Fact]
    public void Bind_LoopbackReplyPorts_ReplaceDefaults()
    {
        BotAuthenticationOptions options = Resolve(new Dictionary<string, string?>
        {
            ["Bot:AllowedLoopbackReplyPorts:0"] = "3978",
            ["Bot:AllowedLoopbackReplyPorts:1"] = "49152-65535",
        });

        Assert.Equal(["3978", "49152-65535"], options.EffectiveAllowedLoopbackReplyPorts);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("70000-70010")]
    [InlineData("5000-4000")]
    [InlineData("3978,3979")]
    [InlineData("emulator")]
    [InlineData(" ")]
    public void Resolve_InvalidLoopbackReplyPort_FailsAtStartNamingTheSetting(string entry)
    {
        // Checked in anonymous mode too, the only mode that uses it.
        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => Resolve(new Dictionary<string, string?>
        {
            ["Bot:AllowedLoopbackReplyPorts:0"] = "3978",
            ["Bot:AllowedLoopbackReplyPorts:1"] = entry,
        }));

        Assert.Contains("Bot:AllowedLoopbackReplyPorts", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{entry}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("65535")]
    [InlineData("3978")]
    [InlineData("49152-65535")]
    [InlineData(" 3978 - 3980 ")]
    public void GetErrors_ValidLoopbackReplyPort_NoError(string entry)
    {
        var options = new BotAuthenticationOptions();
        options.AllowedLoopbackReplyPorts.Add(entry);

        Assert.Empty(BotAuthenticationOptionsValidator.GetErrors(options));
    }

    [Fact]
    public void Resolve_NoAppIdWithIncompleteCredentials_NotChecked()
    {
        // Without an app id the credentials are unused; only where replies may go is checked.
        BotAuthenticationOptions options = Resolve(new Dictionary<string, string?> { ["Bot:MicrosoftAppType"] = "SingleTenant" });

        Assert.True(options.IsAuthenticationDisabled);
    }

    [Fact]
    public void AddBotFrameworkAuthentication_AnonymousConfiguration_ResolvesAllServices()
    {
        using ServiceProvider provider = BuildProvider(new Dictionary<string, string?>());

        Assert.NotNull(provider.GetRequiredService<BotFrameworkTokenValidator>());
        Assert.Equal(OutboundCredentialKind.None, provider.GetRequiredService<MsalOutboundTokenSource>().Kind);
        Assert.NotNull(provider.GetRequiredService<ServiceUrlAllowlist>());
    }

    private static BotAuthenticationOptions Resolve(Dictionary<string, string?> settings)
    {
        using ServiceProvider provider = BuildProvider(settings);
        return provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddBotFrameworkAuthentication(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
