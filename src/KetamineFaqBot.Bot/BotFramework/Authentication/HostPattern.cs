using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>One allowlist entry: an exact host, or <c>*.suffix</c> matching any host strictly below the suffix.</summary>
internal sealed record HostPattern(string Host, bool IsWildcard)
{
    // SAFETY: wildcards over namespaces that any Azure customer can register would let a stranger receive replies
    // (and, with credentials, the bot's bearer token).
    private static readonly string[] CustomerRegistrableSuffixes =
    [
        "trafficmanager.net", "azurewebsites.net", "cloudapp.net", "cloudapp.azure.com", "azurefd.net",
        "azureedge.net", "blob.core.windows.net", "web.core.windows.net", "azure-api.net", "azurecontainerapps.io",
    ];

    public bool Matches(string normalizedHost) => IsWildcard
        ? normalizedHost.Length > Host.Length + 1
          && normalizedHost.EndsWith(Host, StringComparison.Ordinal)
          && normalizedHost[^(Host.Length + 1)] == '.'
        : string.Equals(normalizedHost, Host, StringComparison.Ordinal);

    public static bool TryParse(string? entry, [NotNullWhen(true)] out HostPattern? pattern, [NotNullWhen(false)] out string? error)
    {
        pattern = null;
        string text = (entry ?? string.Empty).Trim().ToLowerInvariant();
        bool wildcard = text.StartsWith("*.", StringComparison.Ordinal);
        string host = wildcard ? text[2..] : text;

        if (host.Length == 0 || !IsHostName(host))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{entry}' is not a host name or a '*.domain' wildcard.");
            return false;
        }

        if (wildcard && host.Split('.').Length < 2)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{entry}' is too broad: a wildcard needs at least two labels after '*.'.");
            return false;
        }

        if (wildcard && Array.Exists(CustomerRegistrableSuffixes, s => host == s || host.EndsWith("." + s, StringComparison.Ordinal)))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{entry}' covers a namespace any Azure customer can register; list exact hosts instead.");
            return false;
        }

        pattern = new HostPattern(host, wildcard);
        error = null;
        return true;
    }

    private static bool IsHostName(string host) =>
        Uri.CheckHostName(host) == UriHostNameType.Dns
        && !host.EndsWith('.')
        && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');
}
