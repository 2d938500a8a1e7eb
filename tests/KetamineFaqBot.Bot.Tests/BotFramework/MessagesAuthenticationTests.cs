using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.BotFramework.Authentication;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

/// <summary>
/// /api/messages with an app id configured: the host validates each inbound token against a loopback OpenID/JWKS
/// endpoint. The activities' serviceUrl is a loopback address that the outbound allowlist refuses once an app id is
/// set, so no reply ever leaves the machine.
/// </summary>
public sealed class MessagesAuthenticationTests : IClassFixture<OpenIdTestServerFixture>, IAsyncLifetime
{
    private const string ServiceUrl = "https://127.0.0.1:9/teams/";

    private readonly TestSigningKey _channelKey = new(0, "endpoint-channel-key", "msteams");
    private readonly TestSigningKey _otherKey = new(1, "endpoint-other-key", "msteams");
    private readonly OpenIdTestServer _server;
    private readonly string _realm = Guid.NewGuid().ToString("N") + "-endpoint";
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public MessagesAuthenticationTests(OpenIdTestServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Publish(_realm, _channelKey);
    }

    public Task InitializeAsync()
    {
        _host = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = TestTokens.AppId,
            ["Bot:MicrosoftAppPassword"] = "test-secret",
            ["Bot:MicrosoftAppType"] = "SingleTenant",
            ["Bot:MicrosoftAppTenantId"] = "0b5b9c2e-51a4-4b55-9d8c-3f3f3f3f3f3f",
            ["Bot:ChannelOpenIdMetadataUrl"] = _server.MetadataUrl(_realm).ToString(),
            ["Bot:EmulatorOpenIdMetadataUrl"] = _server.MetadataUrl(_realm).ToString(),
        });
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<HttpStatusCode> PostAsync(string? token, string serviceUrl = ServiceUrl)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "1:msg",
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "29:user" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + TestTokens.AppId },
            ["conversation"] = new JsonObject { ["id"] = "a:conv" },
            ["text"] = "is ketamine addictive?",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Message_ValidChannelToken_Accepted() =>
        Assert.Equal(HttpStatusCode.OK, await PostAsync(TestTokens.Channel(_channelKey.Credentials(), serviceUrl: ServiceUrl)));

    [Fact]
    public async Task Message_NoToken_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(null));

    [Fact]
    public async Task Message_WrongAudience_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(TestTokens.Channel(_channelKey.Credentials(), audience: "someone-else", serviceUrl: ServiceUrl)));

    [Fact]
    public async Task Message_ServiceUrlNotTheOneInTheToken_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(TestTokens.Channel(_channelKey.Credentials(), serviceUrl: "https://127.0.0.1:9/other/")));

    [Fact]
    public async Task Message_SignedByUnpublishedKey_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(TestTokens.Channel(_otherKey.Credentials(), serviceUrl: ServiceUrl)));

    [Fact]
    public async Task Message_ExpiredToken_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(TestTokens.Channel(_channelKey.Credentials(), serviceUrl: ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10))));
}
