using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KetamineFaqBot.Bot.SecurityHeaders;

/// <summary>One origin allowed to frame the Web Chat page, in the form a <c>frame-ancestors</c> directive needs.</summary>
public static class FrameAncestor
{
    /// <summary>What a valid entry looks like, for start-up errors.</summary>
    public const string Expected =
        "an origin such as https://clinic.example or https://clinic.example:8443 (http only for localhost), "
        + "with no path, query, wildcard or quotes";

    private static readonly SearchValues<char> Forbidden = SearchValues.Create(" \t\r\n;,'\"*");

    /// <summary>
    /// Accepts an https origin (http only on loopback), with or without a trailing slash, and returns it as
    /// <c>scheme://host[:port]</c> in lower case. Everything else is refused rather than guessed at.
    /// </summary>
    public static bool TryNormalise(string? value, [NotNullWhen(true)] out string? origin)
    {
        origin = null;

        // SAFETY: the value is written into a header; characters that end a source, a directive or a quoted keyword
        // ('none', 'self') would let one setting rewrite the whole policy, and a wildcard would allow any subdomain.
        if (string.IsNullOrEmpty(value) || value.AsSpan().ContainsAny(Forbidden)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return false;
        }

        // SAFETY: an http page can be impersonated by anyone on the network path, so only a loopback one (a clinic's
        // developer trying the embed locally) may frame the chat over http.
        var secure = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

        // A CSP host source has no IPv6 literal form, and a path would narrow the match in ways no clinic means.
        if (!secure || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4) || uri.UserInfo.Length > 0
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || !uri.IdnHost.All(char.IsAscii))
        {
            return false;
        }

        origin = uri.IsDefaultPort
            ? $"{uri.Scheme}://{uri.IdnHost}"
            : string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}");
        origin = origin.ToLowerInvariant();
        return true;
    }
}
