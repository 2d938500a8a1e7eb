using System.Security.Claims;
using KetamineFaqBot.Bot.BotFramework.Authentication.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>
/// Validates the Authorization header of an inbound Bot Framework request the way botbuilder-dotnet's
/// ParameterizedBotFrameworkAuthentication does (protocol digest §3.1): channel path or Emulator path,
/// signature, issuer, lifetime, audience/app id, serviceurl claim and key endorsements.
/// Bad tokens never throw; they return a <see cref="TokenValidationFailure"/>.
/// </summary>
public sealed class BotFrameworkTokenValidator : IDisposable
{
    private const string BearerScheme = "Bearer";

    private readonly BotAuthenticationOptions _options;
    private readonly ILogger<BotFrameworkTokenValidator> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly OpenIdMetadataSource _channelMetadata;
    private readonly OpenIdMetadataSource _emulatorMetadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Creates the validator.</summary>
    /// <param name="httpClient">Client for the OpenID metadata and key documents; kept for the validator's lifetime.</param>
    /// <param name="options">Bot authentication options.</param>
    /// <param name="logger">Logger; receives failure reasons, never tokens.</param>
    /// <param name="timeProvider">Clock for metadata refresh throttling; the system clock when null. Token lifetimes use the system clock.</param>
    public BotFrameworkTokenValidator(
        HttpClient httpClient,
        IOptions<BotAuthenticationOptions> options,
        ILogger<BotFrameworkTokenValidator> logger,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _channelMetadata = new OpenIdMetadataSource(_options.ChannelOpenIdMetadataUrl, httpClient, _timeProvider, _logger);
        _emulatorMetadata = new OpenIdMetadataSource(_options.EmulatorOpenIdMetadataUrl, httpClient, _timeProvider, _logger);
    }

    /// <summary>Validates one inbound request.</summary>
    /// <param name="authorizationHeader">The raw Authorization header, or null when absent.</param>
    /// <param name="serviceUrl">The activity's serviceUrl; when present it must equal the token's <c>serviceurl</c> claim.</param>
    /// <param name="channelId">The activity's channelId; must be among the signing key's endorsements.</param>
    /// <param name="cancellationToken">Cancels waiting for metadata.</param>
    public async Task<TokenValidationOutcome> ValidateAsync(
        string? authorizationHeader,
        string? serviceUrl,
        string channelId,
        CancellationToken cancellationToken = default)
    {
        TokenValidationOutcome outcome = await ValidateCoreAsync(authorizationHeader, serviceUrl, channelId, cancellationToken).ConfigureAwait(false);
        if (outcome.IsAnonymous)
        {
            AuthenticationLog.AnonymousRequestAccepted(_logger);
        }
        else if (outcome.IsAuthenticated)
        {
            AuthenticationLog.InboundTokenAccepted(_logger, outcome.Path, channelId);
        }
        else
        {
            AuthenticationLog.InboundTokenRejected(_logger, outcome.Failure, outcome.Path, channelId);
        }

        return outcome;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _channelMetadata.Dispose();
        _emulatorMetadata.Dispose();
    }

    private async Task<TokenValidationOutcome> ValidateCoreAsync(string? header, string? serviceUrl, string channelId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(header))
        {
            // Anonymous mode (no app id) accepts a request without a header, as the SDK does; outbound replies
            // then carry no token and ServiceUrlAllowlist confines them.
            return _options.IsAuthenticationDisabled
                ? TokenValidationOutcome.Anonymous()
                : TokenValidationOutcome.Rejected(TokenValidationFailure.NoHeader);
        }

        string[] parts = header.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], BearerScheme, StringComparison.Ordinal) || parts[1].Length == 0)
        {
            return TokenValidationOutcome.Rejected(TokenValidationFailure.BadScheme);
        }

        if (_options.IsAuthenticationDisabled)
        {
            // PROTOCOL: the SDK validates the token and then fails on aud != "". Failing here gives the same answer
            // without a metadata fetch.
            return TokenValidationOutcome.Rejected(TokenValidationFailure.BadAudience);
        }

        string token = parts[1];
        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return TokenValidationOutcome.Rejected(TokenValidationFailure.MalformedToken);
        }

        if (unverified.IsEncrypted)
        {
            return TokenValidationOutcome.Rejected(TokenValidationFailure.MalformedToken);
        }

        // SAFETY: reject "none", HMAC and every other algorithm before any key is touched.
        if (!AuthenticationConstants.AllowedSigningAlgorithms.Contains(unverified.Alg, StringComparer.Ordinal))
        {
            return TokenValidationOutcome.Rejected(TokenValidationFailure.BadAlgorithm);
        }

        IReadOnlyList<string>? emulatorIssuers = _options.AcceptEmulatorTokens ? EmulatorIssuersFor(unverified) : null;
        AuthenticationPath path = emulatorIssuers is null ? AuthenticationPath.Channel : AuthenticationPath.Emulator;
        OpenIdMetadataSource source = path == AuthenticationPath.Channel ? _channelMetadata : _emulatorMetadata;

        BotFrameworkMetadata? metadata = await source.GetAsync(cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return TokenValidationOutcome.Rejected(TokenValidationFailure.MetadataUnavailable, path);
        }

        string? kid = string.IsNullOrEmpty(unverified.Kid) ? null : unverified.Kid;
        if (kid is not null && !metadata.KeyIds.Contains(kid))
        {
            // Keys rotate: an unknown kid earns one (throttled) refresh before the token is refused.
            metadata = await source.RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (metadata is null)
            {
                return TokenValidationOutcome.Rejected(TokenValidationFailure.MetadataUnavailable, path);
            }

            if (!metadata.KeyIds.Contains(kid))
            {
                return TokenValidationOutcome.Rejected(TokenValidationFailure.UnknownSigningKey, path);
            }
        }

        TokenValidationParameters parameters = CreateParameters(
            path == AuthenticationPath.Channel ? [_options.ChannelIssuer] : emulatorIssuers!,
            metadata.SigningKeys);
        TokenValidationResult result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            return TokenValidationOutcome.Rejected(MapException(result.Exception), path);
        }

        TokenValidationFailure endorsementFailure = CheckEndorsements(metadata, kid, channelId, path);
        if (endorsementFailure != TokenValidationFailure.None)
        {
            return TokenValidationOutcome.Rejected(endorsementFailure, path);
        }

        TokenValidationFailure claimFailure = path == AuthenticationPath.Channel
            ? CheckChannelClaims(validated, serviceUrl)
            : CheckEmulatorClaims(validated);
        if (claimFailure != TokenValidationFailure.None)
        {
            return TokenValidationOutcome.Rejected(claimFailure, path);
        }

        return TokenValidationOutcome.Success(path, AuthenticationConstants.CallerIdAzure, result.ClaimsIdentity ?? new ClaimsIdentity());
    }

    /// <summary>The Emulator issuers when the unverified token claims one of them, otherwise null (channel path).</summary>
    private static List<string>? EmulatorIssuersFor(JsonWebToken token)
    {
        string issuer = token.Issuer;
        if (string.IsNullOrWhiteSpace(issuer))
        {
            return null;
        }

        var issuers = new List<string>(AuthenticationConstants.EmulatorIssuers);

        // The SDK adds the token's own tenant so single-tenant registrations work through the Emulator path.
        // SAFETY: only a GUID tid is spliced into an issuer; the signature, appid/azp and lifetime are still checked.
        if (token.TryGetPayloadValue(AuthenticationConstants.TenantIdClaim, out string? tid) && Guid.TryParse(tid, out _))
        {
            issuers.Add($"https://sts.windows.net/{tid}/");
            issuers.Add($"https://login.microsoftonline.com/{tid}/v2.0");
        }

        return issuers.Contains(issuer, StringComparer.Ordinal) ? issuers : null;
    }

    private TokenValidationParameters CreateParameters(IReadOnlyList<string> issuers, ICollection<SecurityKey> keys) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = issuers,

        // Audience is checked by hand (channel: aud == app id; Emulator: appid/azp), as the SDK does.
        ValidateAudience = false,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = _options.ClockSkew,
        RequireSignedTokens = true,
        ValidAlgorithms = AuthenticationConstants.AllowedSigningAlgorithms,
        IssuerSigningKeys = keys,
        LogValidationExceptions = false,
    };

    private TokenValidationFailure CheckEndorsements(BotFrameworkMetadata metadata, string? kid, string channelId, AuthenticationPath path)
    {
        if (kid is null || !metadata.Endorsements.TryGetValue(kid, out var endorsements))
        {
            // A key without endorsements is only good for Emulator tokens (the SDK also allows skill tokens,
            // which this bot does not accept).
            return path == AuthenticationPath.Emulator ? TokenValidationFailure.None : TokenValidationFailure.MissingEndorsement;
        }

        // SAFETY: the SDK treats an empty channelId as endorsed; here a channel id is required.
        if (string.IsNullOrEmpty(channelId) || !endorsements.Contains(channelId))
        {
            return TokenValidationFailure.MissingEndorsement;
        }

        foreach (string required in _options.RequiredEndorsements)
        {
            if (!endorsements.Contains(required))
            {
                return TokenValidationFailure.MissingEndorsement;
            }
        }

        return TokenValidationFailure.None;
    }

    private TokenValidationFailure CheckChannelClaims(JsonWebToken token, string? serviceUrl)
    {
        if (!token.Audiences.Contains(_options.MicrosoftAppId, StringComparer.Ordinal))
        {
            return TokenValidationFailure.BadAudience;
        }

        if (!string.IsNullOrEmpty(serviceUrl))
        {
            // SAFETY: the signed serviceurl claim is what makes the activity's serviceUrl trustworthy (§3.4).
            if (!token.TryGetPayloadValue(AuthenticationConstants.ServiceUrlClaim, out string? claimed) || string.IsNullOrWhiteSpace(claimed))
            {
                return TokenValidationFailure.MissingServiceUrlClaim;
            }

            if (!string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return TokenValidationFailure.ServiceUrlMismatch;
            }
        }

        return TokenValidationFailure.None;
    }

    private TokenValidationFailure CheckEmulatorClaims(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue(AuthenticationConstants.VersionClaim, out string? version))
        {
            return TokenValidationFailure.BadTokenVersion;
        }

        string appIdClaim = string.IsNullOrWhiteSpace(version) || version == "1.0"
            ? AuthenticationConstants.AppIdClaim
            : version == "2.0" ? AuthenticationConstants.AuthorizedPartyClaim : string.Empty;
        if (appIdClaim.Length == 0)
        {
            return TokenValidationFailure.BadTokenVersion;
        }

        return token.TryGetPayloadValue(appIdClaim, out string? appId) && string.Equals(appId, _options.MicrosoftAppId, StringComparison.Ordinal)
            ? TokenValidationFailure.None
            : TokenValidationFailure.BadAppId;
    }

    private static TokenValidationFailure MapException(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => TokenValidationFailure.Expired,
        SecurityTokenInvalidLifetimeException or SecurityTokenNotYetValidException or SecurityTokenNoExpirationException
            => TokenValidationFailure.BadLifetime,
        SecurityTokenInvalidIssuerException => TokenValidationFailure.BadIssuer,
        SecurityTokenInvalidAlgorithmException => TokenValidationFailure.BadAlgorithm,
        // The kid was already found in the metadata, so "no key verified it" means a bad signature.
        SecurityTokenInvalidSignatureException or SecurityTokenInvalidSigningKeyException => TokenValidationFailure.BadSignature,
        SecurityTokenMalformedException or SecurityTokenException => TokenValidationFailure.MalformedToken,
        _ => TokenValidationFailure.MalformedToken,
    };
}
