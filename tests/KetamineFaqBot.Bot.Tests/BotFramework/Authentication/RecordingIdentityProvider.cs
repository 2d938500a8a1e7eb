using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Identity.Client;

namespace KetamineFaqBot.Bot.Tests.BotFramework.Authentication;

/// <summary>
/// An in-process stand-in for Entra ID and IMDS, plugged into MSAL through its own
/// <see cref="IMsalHttpClientFactory"/> seam. MSAL refuses http authorities, so a loopback Kestrel cannot be used.
/// Records every request; issues tokens "token-1", "token-2", … with the configured lifetime.
/// </summary>
internal sealed class RecordingIdentityProvider : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient _client;
    private int _issued;

    public RecordingIdentityProvider(int expiresInSeconds = 3600, HttpStatusCode status = HttpStatusCode.OK)
    {
        ExpiresInSeconds = expiresInSeconds;
        Status = status;
        _client = new HttpClient(new Handler(this));
    }

    public int ExpiresInSeconds { get; }

    public HttpStatusCode Status { get; }

    public List<RecordedRequest> Requests { get; } = [];

    public IEnumerable<RecordedRequest> TokenRequests => Requests.Where(r => !r.Uri.AbsolutePath.Contains("discovery", StringComparison.Ordinal));

    public HttpClient GetHttpClient() => _client;

    public void Dispose() => _client.Dispose();

    internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string Body, IReadOnlyDictionary<string, string> Form);

    private sealed class Handler(RecordingIdentityProvider owner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Dictionary<string, string> form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty);
            lock (owner.Requests)
            {
                owner.Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, body, form));
            }

            if (request.RequestUri!.AbsolutePath.Contains("discovery/instance", StringComparison.Ordinal))
            {
                return Json(HttpStatusCode.OK, """
                    {"tenant_discovery_endpoint":"https://login.microsoftonline.com/tenant/v2.0/.well-known/openid-configuration",
                     "api-version":"1.1",
                     "metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net","aliases":["login.microsoftonline.com","login.windows.net"]}]}
                    """);
            }

            if (owner.Status != HttpStatusCode.OK)
            {
                return Json(owner.Status, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}""");
            }

            string token = "token-" + Interlocked.Increment(ref owner._issued).ToString(CultureInfo.InvariantCulture);
            string expiresOn = DateTimeOffset.UtcNow.AddSeconds(owner.ExpiresInSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Json(HttpStatusCode.OK, $$"""
                {"token_type":"Bearer","expires_in":{{owner.ExpiresInSeconds}},"ext_expires_in":{{owner.ExpiresInSeconds}},
                 "expires_on":"{{expiresOn}}","resource":"https://api.botframework.com","access_token":"{{token}}"}
                """);
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
