using KetamineFaqBot.Bot.BotFramework.Authentication.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>
/// Acquires the bot's outbound token for the Bot Connector with MSAL (protocol digest §3.2–3.3):
/// client secret against botframework.com (MultiTenant) or the bot's tenant (SingleTenant), or a user-assigned
/// managed identity (UserAssignedMSI). Returns null in anonymous mode. Tokens are cached until
/// <see cref="RefreshMargin"/> before expiry; MSAL's in-memory app cache sits behind that.
/// </summary>
public sealed class MsalOutboundTokenSource : IDisposable
{
    /// <summary>A cached token is renewed when it has less than this left.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly ILogger<MsalOutboundTokenSource> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly IConfidentialClientApplication? _confidentialClient;
    private readonly IManagedIdentityApplication? _managedIdentity;
    private readonly string _resource;
    private readonly string[] _scopes;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private CachedToken? _cached;

    /// <summary>Creates the token source and the MSAL application for the configured app type.</summary>
    /// <param name="options">Bot authentication options.</param>
    /// <param name="logger">Logger; receives outcomes and MSAL error codes, never tokens or secrets.</param>
    /// <param name="msalHttpClientFactory">HTTP client factory for MSAL; MSAL's own when null.</param>
    /// <param name="timeProvider">Clock for the cache check; the system clock when null.</param>
    /// <exception cref="OptionsValidationException">The options are inconsistent (e.g. SingleTenant without a tenant id).</exception>
    public MsalOutboundTokenSource(
        IOptions<BotAuthenticationOptions> options,
        ILogger<MsalOutboundTokenSource> logger,
        IMsalHttpClientFactory? msalHttpClientFactory = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        BotAuthenticationOptions settings = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeProvider = timeProvider ?? TimeProvider.System;

        IReadOnlyList<string> errors = BotAuthenticationOptionsValidator.GetErrors(settings);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(BotAuthenticationOptions), errors);
        }

        _resource = settings.OutboundOAuthScope.TrimEnd('/');
        _scopes = [_resource + "/.default"];

        if (settings.IsAuthenticationDisabled)
        {
            Kind = OutboundCredentialKind.None;
            return;
        }

        string appId = settings.MicrosoftAppId!.Trim();
        if (settings.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI)
        {
            Kind = OutboundCredentialKind.ManagedIdentity;
            ManagedIdentityApplicationBuilder builder = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(appId));
            if (msalHttpClientFactory is not null)
            {
                builder = builder.WithHttpClientFactory(msalHttpClientFactory);
            }

            _managedIdentity = builder.Build();
            return;
        }

        string tenant = settings.MicrosoftAppType == MicrosoftAppType.SingleTenant
            ? settings.MicrosoftAppTenantId!.Trim()
            : AuthenticationConstants.MultiTenantAuthority;
        Authority = new Uri(settings.AuthorityHost, tenant);
        Kind = OutboundCredentialKind.ClientSecret;

        ConfidentialClientApplicationBuilder clientBuilder = ConfidentialClientApplicationBuilder
            .Create(appId)
            .WithClientSecret(settings.MicrosoftAppPassword!)
            .WithAuthority(Authority.AbsoluteUri);
        if (msalHttpClientFactory is not null)
        {
            clientBuilder = clientBuilder.WithHttpClientFactory(msalHttpClientFactory);
        }

        _confidentialClient = clientBuilder.Build();
    }

    /// <summary>The credential in use.</summary>
    public OutboundCredentialKind Kind { get; }

    /// <summary>The token authority for client-secret credentials; null otherwise.</summary>
    public Uri? Authority { get; }

    /// <summary>The scope requested for client-secret credentials (<c>https://api.botframework.com/.default</c>).</summary>
    public string Scope => _scopes[0];

    /// <summary>
    /// A bearer token for the Bot Connector, or null in anonymous mode. Attach it only after
    /// <see cref="ServiceUrlAllowlist"/> accepted the destination.
    /// </summary>
    /// <exception cref="MsalException">The identity platform refused or could not be reached.</exception>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (Kind == OutboundCredentialKind.None)
        {
            return null;
        }

        if (TryGetCached(out string? token))
        {
            return token;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (TryGetCached(out token))
            {
                return token;
            }

            AuthenticationResult result;
            try
            {
                result = _managedIdentity is not null
                    ? await _managedIdentity.AcquireTokenForManagedIdentity(_resource).ExecuteAsync(cancellationToken).ConfigureAwait(false)
                    : await _confidentialClient!.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MsalException ex)
            {
                AuthenticationLog.OutboundTokenFailed(_logger, Kind, ex.ErrorCode);
                throw;
            }

            Volatile.Write(ref _cached, new CachedToken(result.AccessToken, result.ExpiresOn));
            AuthenticationLog.OutboundTokenAcquired(_logger, Kind, result.ExpiresOn);
            return result.AccessToken;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _refreshLock.Dispose();

    private bool TryGetCached(out string? token)
    {
        CachedToken? cached = Volatile.Read(ref _cached);
        if (cached is not null && cached.ExpiresOn - _timeProvider.GetUtcNow() > RefreshMargin)
        {
            token = cached.AccessToken;
            return true;
        }

        token = null;
        return false;
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresOn);
}
