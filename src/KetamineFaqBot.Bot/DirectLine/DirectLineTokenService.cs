using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using KetamineFaqBot.Bot.DirectLine.Logging;
using KetamineFaqBot.Bot.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>HS256 JWTs carrying conv, user and exp. Web Chat reads the user claim and uses it as the user id.</summary>
/// <remarks>
/// Unless <c>DirectLine:TokenSigningKey</c> is set, every token is signed with its own random 256-bit key, and that
/// key travels in the token's <c>kid</c> header, sealed by the ASP.NET Core Data Protection key ring (kept beside the
/// SQLite file, or in Redis: see <c>KeyRingLocation</c>). Any process that reads the same ring unseals the key and
/// checks the signature, so a restart or a second instance keeps every web chat; a <c>kid</c> sealed by another ring,
/// or made up, does not unseal and the token gets 403.
/// Why this design: the key ring is then the only secret to store, share between instances, rotate and back up, and
/// Data Protection already does all four (a new ring key every 90 days, older ones kept for unsealing, instances that
/// start together each add a key instead of overwriting one). A persisted HMAC key would need its own store, its own
/// first-writer-wins rule and its own rotation. Protecting the whole token with IDataProtector instead would make it
/// opaque, but Web Chat and Direct Line JS decode it as a JWT to read the user id, so it stays a readable HS256 JWT and
/// is checked exactly as before (issuer, audience, lifetime, conversation claim).
/// </remarks>
public sealed class DirectLineTokenService
{
    public const string Issuer = "ketaminefaqbot-directline";
    public const string ConversationClaim = "conv";
    public const string UserClaim = "user";

    // Part of every sealed key: changing it refuses every outstanding token.
    private const string KeyPurpose = "KetamineFaqBot.DirectLine.TokenSigningKey.v1";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey? _configuredKey;
    private readonly IDataProtector _keySealer;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DirectLineTokenService> _logger;
    private readonly ValidatedTokenCache _validated;

    public DirectLineTokenService(
        IOptions<DirectLineOptions> options, IDataProtectionProvider dataProtection, TimeProvider timeProvider, ILogger<DirectLineTokenService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataProtection);
        var configured = options.Value.TokenSigningKey;
        _configuredKey = string.IsNullOrEmpty(configured) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
        _keySealer = dataProtection.CreateProtector(KeyPurpose);
        _lifetime = TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes);
        _timeProvider = timeProvider;
        _logger = logger;
        _validated = new ValidatedTokenCache(options.Value.ValidatedTokenCacheSize, timeProvider);
    }

    public IssuedToken Issue(string conversationId, string userId)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _lifetime,
            Claims = new Dictionary<string, object> { [ConversationClaim] = conversationId, [UserClaim] = userId },
            SigningCredentials = new SigningCredentials(_configuredKey ?? NewSealedKey(), SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, (int)_lifetime.TotalSeconds);
    }

    /// <summary>The token's claims, or null when it is forged, expired or not ours.</summary>
    /// <remarks>A token validated before is answered from <see cref="ValidatedTokenCache"/> until its own expiry.</remarks>
    public async Task<DirectLineTokenClaims?> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        if (_validated.TryGet(token, out var known))
        {
            return known;
        }

        if (!_handler.CanReadToken(token))
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _configuredKey,
            IssuerSigningKeyResolver = _configuredKey is null ? UnsealKey : null,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = ValidateLifetime,
        });

        if (!result.IsValid
            || !result.Claims.TryGetValue(ConversationClaim, out var conversation) || conversation is not string conversationId
            || !result.Claims.TryGetValue(UserClaim, out var user) || user is not string userId)
        {
            return null;
        }

        var claims = new DirectLineTokenClaims(conversationId, userId);
        _validated.Add(token, claims, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
        return claims;
    }

    private SymmetricSecurityKey NewSealedKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        return new SymmetricSecurityKey(key) { KeyId = Base64Url.EncodeToString(_keySealer.Protect(key)) };
    }

    private IEnumerable<SecurityKey> UnsealKey(string token, SecurityToken securityToken, string kid, TokenValidationParameters parameters)
    {
        if (string.IsNullOrEmpty(kid))
        {
            return [];
        }

        try
        {
            return [new SymmetricSecurityKey(_keySealer.Unprotect(Base64Url.DecodeFromChars(kid)))];
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            DirectLineLog.TokenKeyNotUnsealed(_logger);
            return [];
        }
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.ToUniversalTime() > now - parameters.ClockSkew
            && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + parameters.ClockSkew);
    }
}
