using System.Net;
using KetamineFaqBot.Bot.BotFramework.Authentication;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace KetamineFaqBot.Bot.Tests.BotFramework.Authentication;

public sealed class MsalOutboundTokenSourceTests
{
    private const string AppId = "7b3a2e1c-0d4f-4a5b-9c8d-112233445566";
    private const string TenantId = "0e3f7a6b-5c4d-4e2f-8a9b-0c1d2e3f4a5b";

    [Fact]
    public async Task GetTokenAsync_NoAppId_ReturnsNullWithoutCallingIdentityProvider()
    {
        using var idp = new RecordingIdentityProvider();
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions(), idp);

        Assert.Equal(OutboundCredentialKind.None, source.Kind);
        Assert.Null(await source.GetTokenAsync());
        Assert.Empty(idp.Requests);
    }

    [Fact]
    public void Constructor_MultiTenant_UsesBotFrameworkAuthority()
    {
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret" });

        Assert.Equal(OutboundCredentialKind.ClientSecret, source.Kind);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", source.Authority!.AbsoluteUri);
        Assert.Equal("https://api.botframework.com/.default", source.Scope);
    }

    [Fact]
    public void Constructor_SingleTenant_UsesTenantAuthority()
    {
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "secret",
            MicrosoftAppType = MicrosoftAppType.SingleTenant,
            MicrosoftAppTenantId = TenantId,
        });

        Assert.Equal(OutboundCredentialKind.ClientSecret, source.Kind);
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}", source.Authority!.AbsoluteUri);
    }

    [Fact]
    public void Constructor_SingleTenantWithoutTenant_ThrowsNamingTheSetting()
    {
        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => Create(new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "secret",
            MicrosoftAppType = MicrosoftAppType.SingleTenant,
        }));

        Assert.Contains("Bot:MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UserAssignedMsi_UsesManagedIdentity()
    {
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppType = MicrosoftAppType.UserAssignedMSI,
            MicrosoftAppTenantId = TenantId,
        });

        Assert.Equal(OutboundCredentialKind.ManagedIdentity, source.Kind);
        Assert.Null(source.Authority);
    }

    [Fact]
    public async Task GetTokenAsync_MultiTenant_PostsClientCredentialsToBotFrameworkTenant()
    {
        using var idp = new RecordingIdentityProvider();
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "s3cret" }, idp);

        string? token = await source.GetTokenAsync();

        Assert.Equal("token-1", token);
        RecordingIdentityProvider.RecordedRequest request = Assert.Single(idp.TokenRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal(AppId, request.Form["client_id"]);
        Assert.Equal("s3cret", request.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", request.Form["scope"]);
    }

    [Fact]
    public async Task GetTokenAsync_SingleTenant_PostsToTenantEndpoint()
    {
        using var idp = new RecordingIdentityProvider();
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "s3cret",
            MicrosoftAppType = MicrosoftAppType.SingleTenant,
            MicrosoftAppTenantId = TenantId,
        }, idp);

        await source.GetTokenAsync();

        Assert.Equal($"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token", Assert.Single(idp.TokenRequests).Uri.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task GetTokenAsync_CalledTwice_ReusesCachedToken()
    {
        using var idp = new RecordingIdentityProvider(expiresInSeconds: 3600);
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "s3cret" }, idp);

        string? first = await source.GetTokenAsync();
        string? second = await source.GetTokenAsync();

        Assert.Equal("token-1", first);
        Assert.Equal(first, second);
        Assert.Single(idp.TokenRequests);
    }

    [Fact]
    public async Task GetTokenAsync_TokenInsideRefreshMargin_AcquiresNewToken()
    {
        using var idp = new RecordingIdentityProvider(expiresInSeconds: 60);
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "s3cret" }, idp);

        string? first = await source.GetTokenAsync();
        string? second = await source.GetTokenAsync();

        Assert.Equal("token-1", first);
        Assert.Equal("token-2", second);
        Assert.Equal(2, idp.TokenRequests.Count());
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentCallers_AcquireOnce()
    {
        using var idp = new RecordingIdentityProvider();
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "s3cret" }, idp);

        string?[] tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => source.GetTokenAsync())));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Single(idp.TokenRequests);
    }

    [Fact]
    public async Task GetTokenAsync_RejectedSecret_ThrowsMsalServiceException()
    {
        using var idp = new RecordingIdentityProvider(status: HttpStatusCode.Unauthorized);
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "wrong" }, idp);

        MsalServiceException error = await Assert.ThrowsAsync<MsalServiceException>(() => source.GetTokenAsync());

        Assert.Equal("invalid_client", error.ErrorCode);
    }

    [Fact]
    public async Task GetTokenAsync_UserAssignedMsi_RequestsBotFrameworkResourceForClientId()
    {
        using var idp = new RecordingIdentityProvider();
        using MsalOutboundTokenSource source = Create(new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppType = MicrosoftAppType.UserAssignedMSI,
            MicrosoftAppTenantId = TenantId,
        }, idp);

        string? token = await source.GetTokenAsync();

        Assert.Equal("token-1", token);
        RecordingIdentityProvider.RecordedRequest request = Assert.Single(idp.TokenRequests);
        Assert.Equal("169.254.169.254", request.Uri.Host);
        string query = Uri.UnescapeDataString(request.Uri.Query);
        Assert.Contains("resource=https://api.botframework.com", query, StringComparison.Ordinal);
        Assert.Contains("client_id=" + AppId, query, StringComparison.Ordinal);
    }

    private static MsalOutboundTokenSource Create(BotAuthenticationOptions options, RecordingIdentityProvider? idp = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options), NullLogger<MsalOutboundTokenSource>.Instance, idp);
}
