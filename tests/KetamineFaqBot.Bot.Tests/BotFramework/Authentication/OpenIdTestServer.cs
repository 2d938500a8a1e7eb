using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.BotFramework.Authentication;

/// <summary>
/// A real Kestrel server on 127.0.0.1 serving OpenID configuration and JWKS documents per realm (a path
/// segment), with keys the test controls. Realms ending in "channel" claim the Bot Framework issuer; the realm
/// "broken" answers 500. Counts key-set fetches per realm. Shared per test class; each test uses its own realms.
/// </summary>
internal sealed class OpenIdTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<TestSigningKey>> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    private OpenIdTestServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public Uri MetadataUrl(string realm) => new(BaseAddress, realm + "/.well-known/openid-configuration");

    public static async Task<OpenIdTestServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var server = new OpenIdTestServer(app);

        app.MapGet("/{realm}/.well-known/{document}", (string realm, string document, HttpContext context) =>
        {
            server.Count(realm + "/openid");
            if (realm == "broken")
            {
                return Results.StatusCode(500);
            }

            string issuer = realm.EndsWith("channel", StringComparison.Ordinal) ? "https://api.botframework.com" : "https://login.microsoftonline.com/{tenantid}/v2.0";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = "https://invalid.example/authorize",
                ["jwks_uri"] = new Uri(server.BaseAddress, realm + "/keys").AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        });
        app.MapGet("/{realm}/keys", (string realm) =>
        {
            server.Count(realm + "/keys");
            List<TestSigningKey> keys = server.KeysOf(realm);
            lock (keys)
            {
                return Results.Json(new { keys = keys.Select(k => k.ToJwk()).ToArray() });
            }
        });

        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    public void Publish(string realm, TestSigningKey key)
    {
        List<TestSigningKey> keys = KeysOf(realm);
        lock (keys)
        {
            keys.Add(key);
        }
    }

    /// <summary>How many times the realm's JWKS was fetched.</summary>
    public int KeyFetches(string realm) => _hits.GetValueOrDefault(realm + "/keys");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private List<TestSigningKey> KeysOf(string realm) => _keys.GetOrAdd(realm, _ => []);

    private void Count(string name) => _hits.AddOrUpdate(name, 1, (_, n) => n + 1);
}
