using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Admin;

/// <summary>
/// The configured admin key and how a request presents it (bearer token or X-Api-Key header). The comparison is over
/// fixed-length hashes in constant time, so timing says nothing about how much of a guess matched.
/// </summary>
public sealed class AdminKey(IOptions<AdminOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[] _expected = Hash(options.Value.ApiKey ?? string.Empty);
    private readonly bool _configured = options.Value.Enabled;

    public AdminKeyPresented Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = Presented(request);

        // SAFETY: with no key configured no key is right: /metrics uses this check even while the admin API is off.
        return presented is null ? AdminKeyPresented.Missing
            : _configured && CryptographicOperations.FixedTimeEquals(Hash(presented), _expected) ? AdminKeyPresented.Right
            : AdminKeyPresented.Wrong;
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var apiKey) && !string.IsNullOrEmpty(apiKey.ToString()))
        {
            return apiKey.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && authorization.Length > scheme.Length
            ? authorization[scheme.Length..].Trim()
            : null;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
