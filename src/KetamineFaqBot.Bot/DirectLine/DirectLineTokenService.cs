using System.Security.Cryptography;
using System.Text;
using KetamineFaqBot.Bot.Options;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>HS256 JWTs carrying conv, user and exp. Web Chat reads the user claim and uses it as the user id.</summary>
public sealed class DirectLineTokenService
{
    public const string Issuer = "ketaminefaqbot-directline";
    public const string ConversationClaim = "conv";
    public const string UserClaim = "user";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _timeProvider;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.TokenSigningKey;
        _key = new SymmetricSecurityKey(string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(configured));
        _lifetime = TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes);
        _timeProvider = timeProvider;
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
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, (int)_lifetime.TotalSeconds);
    }

    /// <summary>The token's claims, or null when it is forged, expired or not ours.</summary>
    public async Task<DirectLineTokenClaims?> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || !_handler.CanReadToken(token))
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _key,
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

        return new DirectLineTokenClaims(conversationId, userId);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.ToUniversalTime() > now - parameters.ClockSkew
            && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + parameters.ClockSkew);
    }
}
