using System.Security.Cryptography;
using KetamineFaqBot.Bot.BotFramework.Authentication;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace KetamineFaqBot.Bot.Tests.BotFramework.Authentication;

public sealed class BotFrameworkTokenValidatorTests : IClassFixture<OpenIdTestServerFixture>, IDisposable
{
    private readonly TestSigningKey _channelKey = new(0, "channel-key-1", "msteams", "webchat", "directline");
    private readonly TestSigningKey _emulatorKey = new(1, "emulator-key-1");
    private readonly HttpClient _httpClient = new();
    private readonly List<IDisposable> _disposables = [];
    private readonly OpenIdTestServer _server;
    private readonly string _channelRealm = Guid.NewGuid().ToString("N") + "-channel";
    private readonly string _emulatorRealm = Guid.NewGuid().ToString("N") + "-emulator";

    public BotFrameworkTokenValidatorTests(OpenIdTestServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Publish(_channelRealm, _channelKey);
        _server.Publish(_emulatorRealm, _emulatorKey);
    }

    public void Dispose()
    {
        _disposables.ForEach(d => d.Dispose());
        _httpClient.Dispose();
    }

    [Fact]
    public async Task ValidateAsync_ValidChannelToken_SucceedsWithAzureCallerId()
    {
        BotFrameworkTokenValidator validator = CreateValidator();
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials()));

        TokenValidationOutcome outcome = await validator.ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.True(outcome.IsAuthenticated);
        Assert.Equal(TokenValidationFailure.None, outcome.Failure);
        Assert.Equal(AuthenticationPath.Channel, outcome.Path);
        Assert.Equal("urn:botframework:azure", outcome.CallerId);
        Assert.NotNull(outcome.Identity);
        Assert.True(outcome.Identity.IsAuthenticated);
        Assert.Equal(TestTokens.ServiceUrl, outcome.Identity.FindFirst("serviceurl")?.Value);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task ValidateAsync_OtherAllowedRsaAlgorithms_Succeed(string algorithm)
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials(algorithm)));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "webchat");

        Assert.True(outcome.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_ServiceUrlDiffersOnlyInCase_Succeeds()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials()));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl.ToUpperInvariant(), "msteams");

        Assert.True(outcome.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_ActivityWithoutServiceUrl_DoesNotRequireClaim()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials(), serviceUrl: null));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, serviceUrl: null, "msteams");

        Assert.True(outcome.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredToken_ReturnsExpired()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials(), expires: DateTime.UtcNow.AddMinutes(-10)));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.False(outcome.IsAuthenticated);
        Assert.Equal(TokenValidationFailure.Expired, outcome.Failure);
        Assert.Null(outcome.CallerId);
        Assert.Null(outcome.Identity);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredWithinClockSkew_Succeeds()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials(), expires: DateTime.UtcNow.AddMinutes(-2)));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.True(outcome.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_WrongAudience_ReturnsBadAudience()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials(), audience: "another-bot"));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.BadAudience, outcome.Failure);
    }

    [Theory]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://api.botframework.com.evil.example")]
    [InlineData("https://evil.example")]
    public async Task ValidateAsync_WrongIssuer_ReturnsBadIssuer(string issuer)
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials(), issuer: issuer));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.BadIssuer, outcome.Failure);
        Assert.Equal(AuthenticationPath.Channel, outcome.Path);
    }

    [Fact]
    public async Task ValidateAsync_SignedByOtherKeyWithKnownKid_ReturnsBadSignature()
    {
        var impostor = new TestSigningKey(2, _channelKey.Kid, "msteams");
        string header = TestTokens.Bearer(TestTokens.Channel(impostor.Credentials()));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.BadSignature, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_TamperedPayload_ReturnsBadSignature()
    {
        string token = TestTokens.Channel(_channelKey.Credentials());
        string other = TestTokens.Channel(_channelKey.Credentials(), serviceUrl: "https://attacker.example/");
        string[] parts = token.Split('.');
        string tampered = string.Join('.', parts[0], other.Split('.')[1], parts[2]);

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(TestTokens.Bearer(tampered), "https://attacker.example/", "msteams");

        Assert.Equal(TokenValidationFailure.BadSignature, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_ServiceUrlClaimDiffers_ReturnsServiceUrlMismatch()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials()));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, "https://attacker.example/", "msteams");

        Assert.Equal(TokenValidationFailure.ServiceUrlMismatch, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_TokenWithoutServiceUrlClaim_ReturnsMissingServiceUrlClaim()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials(), serviceUrl: null));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.MissingServiceUrlClaim, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_KeyNotEndorsedForChannel_ReturnsMissingEndorsement()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials()));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "slack");

        Assert.Equal(TokenValidationFailure.MissingEndorsement, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_EmptyChannelId_ReturnsMissingEndorsement()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials()));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, string.Empty);

        Assert.Equal(TokenValidationFailure.MissingEndorsement, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_RequiredEndorsementAbsent_ReturnsMissingEndorsement()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials()));
        BotFrameworkTokenValidator validator = CreateValidator(o => o.RequiredEndorsements.Add("sovereign-cloud"));

        TokenValidationOutcome outcome = await validator.ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.MissingEndorsement, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_RequiredEndorsementPresent_Succeeds()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials()));
        BotFrameworkTokenValidator validator = CreateValidator(o => o.RequiredEndorsements.Add("directline"));

        TokenValidationOutcome outcome = await validator.ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.True(outcome.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_ChannelKeyWithoutEndorsements_ReturnsMissingEndorsement()
    {
        var bareKey = new TestSigningKey(2, "channel-key-bare");
        _server.Publish(_channelRealm, bareKey);
        string header = TestTokens.Bearer(TestTokens.Channel(bareKey.Credentials()));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.MissingEndorsement, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_NoHeaderWithAppId_ReturnsNoHeader()
    {
        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(null, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.NoHeader, outcome.Failure);
        Assert.Equal(0, _server.KeyFetches(_channelRealm));
    }

    [Fact]
    public async Task ValidateAsync_NoHeaderWithoutAppId_ReturnsAnonymous()
    {
        BotFrameworkTokenValidator validator = CreateValidator(o => o.MicrosoftAppId = null);

        TokenValidationOutcome outcome = await validator.ValidateAsync(null, "http://localhost:3978/", "emulator");

        Assert.True(outcome.IsAuthenticated);
        Assert.True(outcome.IsAnonymous);
        Assert.Null(outcome.CallerId);
        Assert.False(outcome.Identity!.IsAuthenticated);
    }

    [Fact]
    public async Task ValidateAsync_HeaderWithoutAppId_ReturnsBadAudience()
    {
        BotFrameworkTokenValidator validator = CreateValidator(o => o.MicrosoftAppId = string.Empty);
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials()));

        TokenValidationOutcome outcome = await validator.ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.BadAudience, outcome.Failure);
    }

    [Theory]
    [InlineData("bearer TOKEN")]
    [InlineData("Basic TOKEN")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer  TOKEN")]
    [InlineData("Bearer TOKEN extra")]
    [InlineData("TOKEN")]
    public async Task ValidateAsync_NotExactlyBearerAndToken_ReturnsBadScheme(string headerTemplate)
    {
        string token = TestTokens.Channel(_channelKey.Credentials());

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(headerTemplate.Replace("TOKEN", token, StringComparison.Ordinal), TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.BadScheme, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_Hs256TokenWithKnownKid_ReturnsBadAlgorithm()
    {
        var hmacKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)) { KeyId = _channelKey.Kid };
        string header = TestTokens.Bearer(TestTokens.Channel(new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256)));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.BadAlgorithm, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_UnsignedToken_ReturnsBadAlgorithm()
    {
        string header = TestTokens.Bearer(TestTokens.Channel(credentials: null));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.BadAlgorithm, outcome.Failure);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    public async Task ValidateAsync_GarbageToken_ReturnsMalformedToken(string token)
    {
        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(TestTokens.Bearer(token), TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.MalformedToken, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_KeyRotatedAfterFirstFetch_RefreshesOnceAndSucceeds()
    {
        BotFrameworkTokenValidator validator = CreateValidator();
        Assert.True((await validator.ValidateAsync(TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials())), TestTokens.ServiceUrl, "msteams")).IsAuthenticated);
        Assert.Equal(1, _server.KeyFetches(_channelRealm));

        var rotated = new TestSigningKey(3, "channel-key-2", "msteams");
        _server.Publish(_channelRealm, rotated);
        TokenValidationOutcome outcome = await validator.ValidateAsync(TestTokens.Bearer(TestTokens.Channel(rotated.Credentials())), TestTokens.ServiceUrl, "msteams");

        Assert.True(outcome.IsAuthenticated);
        Assert.Equal(2, _server.KeyFetches(_channelRealm));
    }

    [Fact]
    public async Task ValidateAsync_UnknownKidRepeated_RefreshesOnlyOnceThenReturnsUnknownSigningKey()
    {
        BotFrameworkTokenValidator validator = CreateValidator();
        var unpublished = new TestSigningKey(3, "never-published", "msteams");
        string header = TestTokens.Bearer(TestTokens.Channel(unpublished.Credentials()));

        TokenValidationOutcome first = await validator.ValidateAsync(header, TestTokens.ServiceUrl, "msteams");
        TokenValidationOutcome second = await validator.ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.UnknownSigningKey, first.Failure);
        Assert.Equal(TokenValidationFailure.UnknownSigningKey, second.Failure);
        Assert.Equal(2, _server.KeyFetches(_channelRealm));
    }

    [Fact]
    public async Task ValidateAsync_MetadataServerFails_ReturnsMetadataUnavailable()
    {
        BotFrameworkTokenValidator validator = CreateValidator(o => o.ChannelOpenIdMetadataUrl = _server.MetadataUrl("broken"));
        string header = TestTokens.Bearer(TestTokens.Channel(_channelKey.Credentials()));

        TokenValidationOutcome outcome = await validator.ValidateAsync(header, TestTokens.ServiceUrl, "msteams");

        Assert.Equal(TokenValidationFailure.MetadataUnavailable, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_EmulatorV1Token_SucceedsOnEmulatorPath()
    {
        string header = TestTokens.Bearer(TestTokens.Emulator(_emulatorKey.Credentials(), TestTokens.EmulatorV1Issuer, new()
        {
            ["ver"] = "1.0",
            ["appid"] = TestTokens.AppId,
        }));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, "http://localhost:50000/", "emulator");

        Assert.True(outcome.IsAuthenticated);
        Assert.Equal(AuthenticationPath.Emulator, outcome.Path);
        Assert.Equal("urn:botframework:azure", outcome.CallerId);
        Assert.Equal(0, _server.KeyFetches(_channelRealm));
    }

    [Fact]
    public async Task ValidateAsync_EmulatorV2Token_UsesAzpClaim()
    {
        string header = TestTokens.Bearer(TestTokens.Emulator(_emulatorKey.Credentials(), TestTokens.EmulatorV2Issuer, new()
        {
            ["ver"] = "2.0",
            ["azp"] = TestTokens.AppId,
            ["appid"] = "ignored-on-v2",
        }));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, "http://localhost:50000/", "emulator");

        Assert.True(outcome.IsAuthenticated);
        Assert.Equal(AuthenticationPath.Emulator, outcome.Path);
    }

    [Fact]
    public async Task ValidateAsync_EmulatorV2TokenWithOnlyAppId_ReturnsBadAppId()
    {
        string header = TestTokens.Bearer(TestTokens.Emulator(_emulatorKey.Credentials(), TestTokens.EmulatorV2Issuer, new()
        {
            ["ver"] = "2.0",
            ["appid"] = TestTokens.AppId,
        }));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, null, "emulator");

        Assert.Equal(TokenValidationFailure.BadAppId, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_EmulatorTokenForAnotherApp_ReturnsBadAppId()
    {
        string header = TestTokens.Bearer(TestTokens.Emulator(_emulatorKey.Credentials(), TestTokens.EmulatorV1Issuer, new()
        {
            ["ver"] = "1.0",
            ["appid"] = "someone-else",
        }));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, null, "emulator");

        Assert.Equal(TokenValidationFailure.BadAppId, outcome.Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3.0")]
    public async Task ValidateAsync_EmulatorTokenWithMissingOrUnknownVersion_ReturnsBadTokenVersion(string? version)
    {
        var claims = new Dictionary<string, object> { ["appid"] = TestTokens.AppId, ["azp"] = TestTokens.AppId };
        if (version is not null)
        {
            claims["ver"] = version;
        }

        string header = TestTokens.Bearer(TestTokens.Emulator(_emulatorKey.Credentials(), TestTokens.EmulatorV1Issuer, claims));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, null, "emulator");

        Assert.Equal(TokenValidationFailure.BadTokenVersion, outcome.Failure);
    }

    [Fact]
    public async Task ValidateAsync_SingleTenantEmulatorTokenWithOwnTid_Succeeds()
    {
        const string tenant = "0e3f7a6b-5c4d-4e2f-8a9b-0c1d2e3f4a5b";
        string header = TestTokens.Bearer(TestTokens.Emulator(_emulatorKey.Credentials(), $"https://sts.windows.net/{tenant}/", new()
        {
            ["ver"] = "1.0",
            ["appid"] = TestTokens.AppId,
            ["tid"] = tenant,
        }));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, null, "emulator");

        Assert.True(outcome.IsAuthenticated);
        Assert.Equal(AuthenticationPath.Emulator, outcome.Path);
    }

    [Fact]
    public async Task ValidateAsync_TenantIssuerWithoutMatchingTid_TakesChannelPathAndFails()
    {
        string header = TestTokens.Bearer(TestTokens.Emulator(_emulatorKey.Credentials(), "https://sts.windows.net/0e3f7a6b-5c4d-4e2f-8a9b-0c1d2e3f4a5b/", new()
        {
            ["ver"] = "1.0",
            ["appid"] = TestTokens.AppId,
        }));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, null, "emulator");

        Assert.False(outcome.IsAuthenticated);
        Assert.Equal(AuthenticationPath.Channel, outcome.Path);
    }

    [Fact]
    public async Task ValidateAsync_EmulatorTokenWhenEmulatorDisabled_IsRejected()
    {
        BotFrameworkTokenValidator validator = CreateValidator(o => o.AcceptEmulatorTokens = false);
        string header = TestTokens.Bearer(TestTokens.Emulator(_emulatorKey.Credentials(), TestTokens.EmulatorV1Issuer, new()
        {
            ["ver"] = "1.0",
            ["appid"] = TestTokens.AppId,
        }));

        TokenValidationOutcome outcome = await validator.ValidateAsync(header, null, "emulator");

        Assert.False(outcome.IsAuthenticated);
        Assert.Equal(AuthenticationPath.Channel, outcome.Path);
        Assert.Equal(0, _server.KeyFetches(_emulatorRealm));
    }

    [Fact]
    public async Task ValidateAsync_EmulatorIssuerSignedWithChannelKey_IsRejected()
    {
        // A channel key is not in the Emulator metadata: the path is chosen by issuer, keys come from that path only.
        string header = TestTokens.Bearer(TestTokens.Emulator(_channelKey.Credentials(), TestTokens.EmulatorV1Issuer, new()
        {
            ["ver"] = "1.0",
            ["appid"] = TestTokens.AppId,
        }));

        TokenValidationOutcome outcome = await CreateValidator().ValidateAsync(header, null, "msteams");

        Assert.Equal(TokenValidationFailure.UnknownSigningKey, outcome.Failure);
        Assert.Equal(AuthenticationPath.Emulator, outcome.Path);
    }

    private BotFrameworkTokenValidator CreateValidator(Action<BotAuthenticationOptions>? configure = null)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppId = TestTokens.AppId,
            MicrosoftAppPassword = "unused-in-inbound-validation",
            ChannelOpenIdMetadataUrl = _server.MetadataUrl(_channelRealm),
            EmulatorOpenIdMetadataUrl = _server.MetadataUrl(_emulatorRealm),
        };
        configure?.Invoke(options);
        var validator = new BotFrameworkTokenValidator(_httpClient, Microsoft.Extensions.Options.Options.Create(options), NullLogger<BotFrameworkTokenValidator>.Instance);
        _disposables.Add(validator);
        return validator;
    }
}
