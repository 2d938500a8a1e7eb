using System.Text;
using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

/// <summary>Validated tokens remembered by hash until their own expiry; nothing else is remembered.</summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly DirectLineTokenClaims Claims = new("conv-1", "dl_user");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _ring = new();

    [Fact]
    public void TryGet_AtTheTokensExpiry_MissesAndForgetsTheEntry()
    {
        var cache = new ValidatedTokenCache(10, _time);
        cache.Add("token-a", Claims, _time.GetUtcNow().AddMinutes(5));

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.True(cache.TryGet("token-a", out var claims));
        Assert.Equal(Claims, claims);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(cache.TryGet("token-a", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void TryGet_AnotherToken_Misses()
    {
        var cache = new ValidatedTokenCache(10, _time);
        cache.Add("token-a", Claims, _time.GetUtcNow().AddMinutes(5));

        Assert.False(cache.TryGet("token-b", out _));
        Assert.False(cache.TryGet("token-a ", out _));
    }

    [Fact]
    public void Add_Full_DropsExpiredEntriesAndOtherwiseKeepsNothingNew()
    {
        var cache = new ValidatedTokenCache(2, _time);
        cache.Add("a", Claims, _time.GetUtcNow().AddMinutes(1));
        cache.Add("b", Claims, _time.GetUtcNow().AddMinutes(10));

        cache.Add("c", Claims, _time.GetUtcNow().AddMinutes(10));
        Assert.False(cache.TryGet("c", out _));
        Assert.Equal(2, cache.Count);

        _time.Advance(TimeSpan.FromMinutes(2));
        cache.Add("c", Claims, _time.GetUtcNow().AddMinutes(10));
        Assert.True(cache.TryGet("c", out _));
        Assert.True(cache.TryGet("b", out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Add_CapacityZero_KeepsNothing()
    {
        var cache = new ValidatedTokenCache(0, _time);
        cache.Add("a", Claims, _time.GetUtcNow().AddMinutes(1));

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Validate_CachedTokenPastItsExpiry_RefusedAsAFreshValidationWouldBe()
    {
        var service = Service(cacheSize: 10);
        var token = service.Issue("conv-1", "dl_user").Token;
        Assert.NotNull(await service.ValidateAsync(token));

        // Cached for its lifetime (60 minutes) and no longer: past exp and the validator's 30 s skew it is refused.
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(Claims, await service.ValidateAsync(token));
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(31));
        Assert.Null(await service.ValidateAsync(token));
    }

    [Fact]
    public async Task Validate_SignatureChangedOnACachedToken_ReturnsNull()
    {
        var service = Service(cacheSize: 10);
        var token = service.Issue("conv-1", "dl_user").Token;
        Assert.NotNull(await service.ValidateAsync(token));

        var parts = token.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[0] ^= 1;
        var forged = string.Join('.', parts[0], parts[1], Base64UrlEncoder.Encode(signature));

        Assert.Null(await service.ValidateAsync(forged));
        Assert.Equal(Claims, await service.ValidateAsync(token));
    }

    [Fact]
    public async Task Validate_TokenRefusedBeforeItsNotBefore_AcceptedOnceValid()
    {
        // A refusal is never remembered: the same token is checked again, and accepted once it is good.
        const string key = "configured-signing-key-0123456789-abcdefgh";
        var service = Service(cacheSize: 10, signingKey: key);
        var notBefore = _time.GetUtcNow().UtcDateTime.AddMinutes(5);
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DirectLineTokenService.Issuer,
            Audience = DirectLineTokenService.Issuer,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = notBefore.AddMinutes(30),
            Claims = new Dictionary<string, object> { [DirectLineTokenService.ConversationClaim] = "conv-1", [DirectLineTokenService.UserClaim] = "dl_user" },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });

        Assert.Null(await service.ValidateAsync(token));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Claims, await service.ValidateAsync(token));
    }

    [Fact]
    public async Task Validate_RefreshedToken_CarriesItsOwnClaims()
    {
        var service = Service(cacheSize: 10);
        var first = service.Issue("conv-1", "dl_user").Token;
        Assert.Equal(Claims, await service.ValidateAsync(first));

        var other = service.Issue("conv-2", "dl_other").Token;

        Assert.Equal(new DirectLineTokenClaims("conv-2", "dl_other"), await service.ValidateAsync(other));
        Assert.Equal(Claims, await service.ValidateAsync(first));
    }

    private DirectLineTokenService Service(int cacheSize, string? signingKey = null) => new(
        Microsoft.Extensions.Options.Options.Create(new DirectLineOptions { TokenSigningKey = signingKey, ValidatedTokenCacheSize = cacheSize }),
        _ring,
        _time,
        NullLogger<DirectLineTokenService>.Instance);
}
