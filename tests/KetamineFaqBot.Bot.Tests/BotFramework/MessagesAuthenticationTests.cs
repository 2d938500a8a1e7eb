using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.BotFramework;
using KetamineFaqBot.Bot.BotFramework.Authentication;
using KetamineFaqBot.Bot.Tests.BotFramework.Authentication;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

/// <summary>
/// /api/messages with an app id configured: the host validates each inbound token against a loopback OpenID/JWKS
/// endpoint (one realm for channel keys, one for Emulator keys) and replies to a loopback fake connector. The real
/// allowlist never lets a token go to http or loopback hosts (ServiceUrlAllowlistTests), and MSAL would call Entra ID,
/// so these two outbound seams are replaced: only the fake connector's address is allowed and a fixed token is sent.
/// </summary>
public sealed class MessagesAuthenticationTests : IClassFixture<OpenIdTestServerFixture>, IAsyncLifetime, IDisposable
{
    private const string OutboundToken = "outbound-test-token";
    private const string Conversation = "a:conv-auth";

    private readonly TestSigningKey _channelKey = new(0, "endpoint-channel-key", "msteams");
    private readonly TestSigningKey _unpublishedKey = new(1, "endpoint-unpublished-key", "msteams");
    private readonly TestSigningKey _emulatorKey = new(3, "endpoint-emulator-key");
    private readonly OpenIdTestServer _server;
    private readonly string _channelRealm = Guid.NewGuid().ToString("N") + "-channel";
    private readonly string _emulatorRealm = Guid.NewGuid().ToString("N") + "-emulator";
    private readonly CapturingLoggerProvider _logs = new();
    private FakeConnector _connector = null!;
    private BotTestHost _host = null!;
    private HttpClient _http = null!;
    private string _serviceUrl = null!;

    public MessagesAuthenticationTests(OpenIdTestServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Publish(_channelRealm, _channelKey);
        _server.Publish(_emulatorRealm, _emulatorKey);
    }

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _serviceUrl = new Uri(_connector.BaseAddress, "teams/").AbsoluteUri;
        var connectorAddress = _connector.BaseAddress;
        _host = BotTestHost.Start(
            new Dictionary<string, string?>
            {
                ["Bot:MicrosoftAppId"] = TestTokens.AppId,
                ["Bot:MicrosoftAppPassword"] = "test-secret",
                ["Bot:MicrosoftAppType"] = "SingleTenant",
                ["Bot:MicrosoftAppTenantId"] = "0b5b9c2e-51a4-4b55-9d8c-3f3f3f3f3f3f",
                ["Bot:ChannelOpenIdMetadataUrl"] = _server.MetadataUrl(_channelRealm).ToString(),
                ["Bot:EmulatorOpenIdMetadataUrl"] = _server.MetadataUrl(_emulatorRealm).ToString(),
            },
            services =>
            {
                services.AddSingleton<IServiceUrlPolicy>(new OnlyFakeConnectorPolicy(connectorAddress));
                services.AddSingleton<IOutboundTokenSource>(new FixedTokenSource());
                services.AddSingleton<ILoggerProvider>(_logs);
            });
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Message_ValidChannelToken_AcceptedAndAnsweredThroughConnector()
    {
        var status = await PostAsync(ValidChannelToken(), Message("1:valid", "is ketamine addictive?"));

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = await _connector.NextMessageAsync();
        Assert.Equal("Bearer " + OutboundToken, reply.Authorization);
        Assert.Equal("1:valid", (string?)reply.Body["replyToId"]);
        Assert.StartsWith("/teams/v3/conversations/", reply.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_NoToken_Returns401AndSendsNothing() =>
        await AssertRefusedAsync(await PostAsync(null, Message("1:none")), TokenValidationFailure.NoHeader);

    [Fact]
    public async Task Message_WrongAudience_Returns401AndSendsNothing() =>
        await AssertRefusedAsync(
            await PostAsync(TestTokens.Channel(_channelKey.Credentials(), audience: "someone-else", serviceUrl: _serviceUrl), Message("1:aud")),
            TokenValidationFailure.BadAudience);

    [Fact]
    public async Task Message_WrongIssuer_Returns401AndSendsNothing() =>
        await AssertRefusedAsync(
            await PostAsync(TestTokens.Channel(_channelKey.Credentials(), issuer: "https://api.botframework.com.evil.example", serviceUrl: _serviceUrl), Message("1:iss")),
            TokenValidationFailure.BadIssuer);

    [Fact]
    public async Task Message_ServiceUrlNotTheOneInTheToken_Returns401AndSendsNothing() =>
        await AssertRefusedAsync(
            await PostAsync(TestTokens.Channel(_channelKey.Credentials(), serviceUrl: new Uri(_connector.BaseAddress, "other/").AbsoluteUri), Message("1:url")),
            TokenValidationFailure.ServiceUrlMismatch);

    [Fact]
    public async Task Message_SignedByUnpublishedKey_Returns401AndSendsNothing() =>
        await AssertRefusedAsync(
            await PostAsync(TestTokens.Channel(_unpublishedKey.Credentials(), serviceUrl: _serviceUrl), Message("1:kid")),
            TokenValidationFailure.UnknownSigningKey);

    [Fact]
    public async Task Message_SignedByOtherKeyUnderPublishedKid_Returns401AndSendsNothing()
    {
        // A different RSA key pair that claims the published key id: the kid resolves, the signature does not verify.
        var impostor = new TestSigningKey(2, _channelKey.Kid, "msteams");

        var status = await PostAsync(TestTokens.Channel(impostor.Credentials(), serviceUrl: _serviceUrl), Message("1:impostor"));

        await AssertRefusedAsync(status, TokenValidationFailure.BadSignature);
    }

    [Fact]
    public async Task Message_TamperedPayload_Returns401AndSendsNothing()
    {
        // The header and signature of a genuine token around the payload of another (here: another audience).
        var genuine = ValidChannelToken().Split('.');
        var forgedPayload = TestTokens.Channel(_channelKey.Credentials(), audience: "forged-" + TestTokens.AppId, serviceUrl: _serviceUrl).Split('.')[1];
        var tampered = string.Join('.', genuine[0], forgedPayload, genuine[2]);

        var status = await PostAsync(tampered, Message("1:tampered"));

        await AssertRefusedAsync(status, TokenValidationFailure.BadSignature);
    }

    [Fact]
    public async Task Message_KeyNotEndorsedForActivityChannel_Returns401AndSendsNothing()
    {
        // The signing key is endorsed for msteams only; the activity claims to come from webchat.
        var activity = Message("1:endorse");
        activity["channelId"] = "webchat";

        var status = await PostAsync(ValidChannelToken(), activity);

        await AssertRefusedAsync(status, TokenValidationFailure.MissingEndorsement);
    }

    [Fact]
    public async Task Message_ExpiredToken_Returns401AndSendsNothing() =>
        await AssertRefusedAsync(
            await PostAsync(TestTokens.Channel(_channelKey.Credentials(), serviceUrl: _serviceUrl, expires: DateTime.UtcNow.AddMinutes(-10)), Message("1:exp")),
            TokenValidationFailure.Expired);

    [Fact]
    public async Task Message_ValidEmulatorToken_AcceptedAndAnsweredThroughConnector()
    {
        var activity = Message("1:emulator", "what is ketamine therapy?");
        activity["channelId"] = "emulator";

        var status = await PostAsync(EmulatorToken(TestTokens.AppId), activity);

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = await _connector.NextMessageAsync();
        Assert.Equal("1:emulator", (string?)reply.Body["replyToId"]);
        Assert.Equal("Bearer " + OutboundToken, reply.Authorization);
    }

    [Fact]
    public async Task Message_EmulatorTokenForAnotherApp_Returns401AndSendsNothing()
    {
        var activity = Message("1:emulator-other");
        activity["channelId"] = "emulator";

        var status = await PostAsync(EmulatorToken("another-app-id"), activity);

        await AssertRefusedAsync(status, TokenValidationFailure.BadAppId);
    }

    /// <summary>
    /// 401, for the expected reason, and neither the pipeline nor the connector saw the activity. Turns of one
    /// conversation are answered in order, so a valid message sent afterwards in the same conversation is a barrier:
    /// had the refused activity been queued, its reply would reach the connector first.
    /// </summary>
    private async Task AssertRefusedAsync(HttpStatusCode status, TokenValidationFailure expectedReason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains(
            _logs.Entries,
            e => e.EventId.Name == "InboundTokenRejected" && e.Values.GetValueOrDefault("Reason") == expectedReason.ToString());

        Assert.Equal(HttpStatusCode.OK, await PostAsync(ValidChannelToken(), Message("2:barrier", "barrier question")));
        var first = await _connector.NextMessageAsync();
        Assert.Equal("2:barrier", (string?)first.Body["replyToId"]);
        Assert.Equal(["barrier question"], _host.Answers.Turns.Select(t => t.Text));
        Assert.False(_connector.TryTake(out _));
    }

    private string ValidChannelToken() => TestTokens.Channel(_channelKey.Credentials(), serviceUrl: _serviceUrl);

    private string EmulatorToken(string appId) => TestTokens.Emulator(_emulatorKey.Credentials(), TestTokens.EmulatorV1Issuer, new()
    {
        ["ver"] = "1.0",
        ["appid"] = appId,
    });

    private JsonObject Message(string id, string text = "is ketamine addictive?") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = _serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + TestTokens.AppId },
        ["conversation"] = new JsonObject { ["id"] = Conversation },
        ["text"] = text,
    };

    private async Task<HttpStatusCode> PostAsync(string? token, JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Allows exactly the fake connector, and only with credentials (the anonymous branch must not be taken).</summary>
    private sealed class OnlyFakeConnectorPolicy(Uri connector) : IServiceUrlPolicy
    {
        public bool IsAllowed(Uri serviceUrl, bool anonymousMode) =>
            !anonymousMode && Uri.Compare(serviceUrl, connector, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }

    private sealed class FixedTokenSource : IOutboundTokenSource
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(OutboundToken);
    }
}
