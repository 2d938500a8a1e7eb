using KetamineFaqBot.Bot.BotFramework.Authentication.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>
/// Decides whether a reply may be sent to an activity's serviceUrl. Check it BEFORE attaching a token:
/// an unchecked serviceUrl is a blind SSRF and, with credentials, a bearer-token leak (protocol digest §3.4).
/// </summary>
public sealed class ServiceUrlAllowlist
{
    private readonly HostPattern[] _patterns;
    private readonly ILogger<ServiceUrlAllowlist> _logger;

    /// <summary>Creates the allowlist from <see cref="BotAuthenticationOptions.EffectiveAllowedServiceUrlHosts"/>.</summary>
    /// <exception cref="InvalidOperationException">An entry is not a host name or an acceptable wildcard.</exception>
    public ServiceUrlAllowlist(IOptions<BotAuthenticationOptions> options, ILogger<ServiceUrlAllowlist> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _patterns = [.. options.Value.EffectiveAllowedServiceUrlHosts.Select(Parse)];
    }

    /// <summary>True when replies may go to <paramref name="serviceUrl"/>.</summary>
    /// <param name="serviceUrl">The activity's serviceUrl.</param>
    /// <param name="anonymousMode">True when no app id is configured; then loopback hosts (http or https) are also allowed.</param>
    public bool IsAllowed(Uri serviceUrl, bool anonymousMode) => Evaluate(serviceUrl, anonymousMode) == ServiceUrlVerdict.Allowed;

    /// <summary>The verdict for <paramref name="serviceUrl"/>; refusals are logged with the host only.</summary>
    public ServiceUrlVerdict Evaluate(Uri? serviceUrl, bool anonymousMode)
    {
        ServiceUrlVerdict verdict = Decide(serviceUrl, anonymousMode);
        if (verdict != ServiceUrlVerdict.Allowed)
        {
            AuthenticationLog.ServiceUrlRefused(_logger, verdict, serviceUrl is { IsAbsoluteUri: true, IsFile: false } ? serviceUrl.IdnHost : null);
        }

        return verdict;
    }

    /// <summary>String overload for an activity's raw serviceUrl field.</summary>
    public ServiceUrlVerdict Evaluate(string? serviceUrl, bool anonymousMode) =>
        Evaluate(Uri.TryCreate(serviceUrl, UriKind.Absolute, out Uri? uri) ? uri : null, anonymousMode);

    private ServiceUrlVerdict Decide(Uri? serviceUrl, bool anonymousMode)
    {
        // On Unix "/path" parses as an absolute file:// URI; a file path is not a serviceUrl.
        if (serviceUrl is null || !serviceUrl.IsAbsoluteUri || serviceUrl.IsFile || serviceUrl.IsUnc)
        {
            return ServiceUrlVerdict.NotAbsolute;
        }

        if (serviceUrl.UserInfo.Length > 0)
        {
            return ServiceUrlVerdict.HasUserInfo;
        }

        // SAFETY: loopback is only for anonymous local development (Emulator, tests); never with credentials,
        // where a loopback serviceUrl would hand the bot's token to whatever listens on that port.
        if (anonymousMode && serviceUrl.IsLoopback
            && (serviceUrl.Scheme == Uri.UriSchemeHttp || serviceUrl.Scheme == Uri.UriSchemeHttps))
        {
            return ServiceUrlVerdict.Allowed;
        }

        if (serviceUrl.Scheme != Uri.UriSchemeHttps)
        {
            return ServiceUrlVerdict.InsecureScheme;
        }

        string host = serviceUrl.IdnHost.ToLowerInvariant();
        if (serviceUrl.HostNameType != UriHostNameType.Dns || host.EndsWith('.'))
        {
            return ServiceUrlVerdict.HostNotAllowed;
        }

        return Array.Exists(_patterns, p => p.Matches(host)) ? ServiceUrlVerdict.Allowed : ServiceUrlVerdict.HostNotAllowed;
    }

    private static HostPattern Parse(string entry) => HostPattern.TryParse(entry, out HostPattern? pattern, out string? error)
        ? pattern
        : throw new InvalidOperationException($"{BotAuthenticationOptions.SectionName}:AllowedServiceUrlHosts: {error}");
}
