using System.Text;
using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

/// <summary>Tokens whose signing keys are sealed by a Data Protection key ring, and the configured-key override.</summary>
public sealed class DirectLineTokenServiceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _ring = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public DirectLineTokenServiceTests() => _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public async Task Validate_TokenFromAnotherInstanceOnTheSameKeyRing_ReturnsItsClaims()
    {
        var token = Service(_ring).Issue("conv-1", "dl_user").Token;

        var claims = await Service(_ring).ValidateAsync(token);

        Assert.Equal(new DirectLineTokenClaims("conv-1", "dl_user"), claims);
    }

    [Fact]
    public async Task Validate_TokenSealedByAnotherKeyRing_ReturnsNullAndLogsWithoutTheToken()
    {
        var token = Service(new EphemeralDataProtectionProvider()).Issue("conv-1", "dl_user").Token;

        var claims = await Service(_ring).ValidateAsync(token);

        Assert.Null(claims);
        var entry = Assert.Single(_logs.Entries, e => e.EventId.Id == 2004);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.DoesNotContain(new JsonWebToken(token).Kid, entry.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_PayloadChangedUnderTheSameSealedKey_ReturnsNull()
    {
        var parts = Service(_ring).Issue("conv-1", "dl_user").Token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("conv-1", "conv-2", StringComparison.Ordinal);
        var tampered = string.Join('.', parts[0], Base64UrlEncoder.Encode(payload), parts[2]);

        Assert.Null(await Service(_ring).ValidateAsync(tampered));
    }

    [Fact]
    public async Task Validate_SealedKeyIdCopiedOntoTokenSignedWithAnotherKey_ReturnsNull()
    {
        var kid = new JsonWebToken(Service(_ring).Issue("conv-1", "dl_user").Token).Kid;
        var forged = Sign(new SymmetricSecurityKey(new byte[32]) { KeyId = kid }, "conv-2", _time.GetUtcNow().UtcDateTime.AddMinutes(30));

        Assert.Null(await Service(_ring).ValidateAsync(forged));
    }

    [Fact]
    public async Task Validate_PastExpiryAndClockSkew_ReturnsNull()
    {
        var service = Service(_ring);
        var token = service.Issue("conv-1", "dl_user").Token;

        _time.Advance(TimeSpan.FromMinutes(60));
        Assert.NotNull(await service.ValidateAsync(token));
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(await service.ValidateAsync(token));
    }

    [Fact]
    public void Issue_NoConfiguredKey_ReadableHs256JwtWithSealedKeyIdAndClaims()
    {
        var token = new JsonWebToken(Service(_ring).Issue("conv-1", "dl_user").Token);

        Assert.Equal(SecurityAlgorithms.HmacSha256, token.Alg);
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.Equal("conv-1", token.GetClaim(DirectLineTokenService.ConversationClaim).Value);
        Assert.Equal("dl_user", token.GetClaim(DirectLineTokenService.UserClaim).Value);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddMinutes(60), token.ValidTo);
    }

    [Fact]
    public async Task ConfiguredKey_SignsWithItAloneAndRefusesSealedKeys()
    {
        const string key = "configured-signing-key-0123456789-abcdefgh";
        var configured = Service(_ring, key);
        var token = configured.Issue("conv-1", "dl_user").Token;

        Assert.False(new JsonWebToken(token).TryGetHeaderValue<string>("kid", out _));
        Assert.NotNull(await configured.ValidateAsync(Sign(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), "conv-1", _time.GetUtcNow().UtcDateTime.AddMinutes(30))));
        Assert.Null(await configured.ValidateAsync(Service(_ring).Issue("conv-1", "dl_user").Token));
    }

    private DirectLineTokenService Service(IDataProtectionProvider ring, string? signingKey = null) => new(
        Microsoft.Extensions.Options.Options.Create(new DirectLineOptions { TokenSigningKey = signingKey }),
        ring,
        _time,
        _loggerFactory.CreateLogger<DirectLineTokenService>());

    private string Sign(SymmetricSecurityKey key, string conversationId, DateTime expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DirectLineTokenService.Issuer,
            Audience = DirectLineTokenService.Issuer,
            IssuedAt = _time.GetUtcNow().UtcDateTime,
            NotBefore = _time.GetUtcNow().UtcDateTime,
            Expires = expires,
            Claims = new Dictionary<string, object> { [DirectLineTokenService.ConversationClaim] = conversationId, [DirectLineTokenService.UserClaim] = "dl_attacker" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
}
