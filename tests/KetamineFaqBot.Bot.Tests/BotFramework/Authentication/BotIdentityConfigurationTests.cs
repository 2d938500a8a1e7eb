using KetamineFaqBot.Bot.Hosting;
using KetamineFaqBot.Bot.BotFramework.Authentication;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Tests.BotFramework.Authentication;

/// <summary>
/// The registration settings as the real host reads them (its appsettings.json included): one app-type default,
/// MultiTenant as in the Bot Framework SDK, and one validator that names the missing key.
/// </summary>
public sealed class BotIdentityConfigurationTests
{
    private const string AppId = "7b3a2e1c-0d4f-4a5b-9c8d-112233445566";

    [Fact]
    public async Task Start_AppIdAndPasswordWithoutAppType_UsesMultiTenantAgainstBotFrameworkTenant()
    {
        await using var host = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = "test-secret",
        });

        var options = host.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        var tokens = host.Services.GetRequiredService<MsalOutboundTokenSource>();

        Assert.Equal(MicrosoftAppType.MultiTenant, options.MicrosoftAppType);
        Assert.Equal(OutboundCredentialKind.ClientSecret, tokens.Kind);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", tokens.Authority!.AbsoluteUri);
    }

    [Fact]
    public async Task Start_SingleTenantConfigured_UsesTheTenantAuthority()
    {
        await using var host = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = "test-secret",
            ["Bot:MicrosoftAppType"] = "SingleTenant",
            ["Bot:MicrosoftAppTenantId"] = "0b5b9c2e-51a4-4b55-9d8c-3f3f3f3f3f3f",
        });

        var tokens = host.Services.GetRequiredService<MsalOutboundTokenSource>();

        Assert.Equal("https://login.microsoftonline.com/0b5b9c2e-51a4-4b55-9d8c-3f3f3f3f3f3f", tokens.Authority!.AbsoluteUri);
    }

    [Theory]
    [InlineData("SingleTenant", "test-secret", null, "Bot:MicrosoftAppTenantId")]
    [InlineData("UserAssignedMSI", null, null, "Bot:MicrosoftAppTenantId")]
    [InlineData(null, null, null, "Bot:MicrosoftAppPassword")]
    public async Task Start_CredentialsIncompleteForAppType_RefusesToStartNamingTheKey(string? appType, string? password, string? tenant, string expectedKey)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = password,
            ["Bot:MicrosoftAppType"] = appType,
            ["Bot:MicrosoftAppTenantId"] = tenant,
        };

        // Unset means absent (as in the shipped appsettings.json), not an empty string.
        var exit = await BotProcess.RunUntilExitAsync(settings.Where(s => s.Value is not null).ToDictionary());

        Assert.True(exit.ExitCode == StartupCheck.InvalidSettings, $"exit code {exit.ExitCode}:\n{exit.Output}");
        Assert.Contains(expectedKey, exit.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", exit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithoutAppId_OneClearLineAndTheDocumentedExitCode()
    {
        var exit = await BotProcess.RunUntilExitAsync(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.True(exit.ExitCode == StartupCheck.InvalidSettings, $"exit code {exit.ExitCode}:\n{exit.Output}");
        var line = Assert.Single(exit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("KetamineFaqBot cannot start (exit code 2, invalid settings): Bot:MicrosoftAppId is not set.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoAppIdWithIncompleteSingleTenantSettings_StartsAnonymous()
    {
        // Without an app id the credentials are unused, so they are not checked.
        await using var host = BotTestHost.Start(new Dictionary<string, string?> { ["Bot:MicrosoftAppType"] = "SingleTenant" });
        using var http = host.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode);
    }
}
