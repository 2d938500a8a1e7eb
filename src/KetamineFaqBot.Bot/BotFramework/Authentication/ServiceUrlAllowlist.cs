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
    private readonly PortRange[] _loopbackPorts;
    private readonly ILogger<ServiceUrlAllowlist> _logger;

    /// <summary>
    /// Creates the allowlist from <see cref="BotAuthenticationOptions.EffectiveAllowedServiceUrlHosts"/> and
    /// <see cref="BotAuthenticationOptions.EffectiveAllowedLoopbackReplyPorts"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">An entry is not a host name, an acceptable wildcard, a port or a port range.</exception>
    public ServiceUrlAllowlist(IOptions<BotAuthenticationOptions> options, ILogger<ServiceUrlAllowlist> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _patterns = [.. options.Value.EffectiveAllowedServiceUrlHosts.Select(ParseHost)];
        _loopbackPorts = [.. options.Value.EffectiveAllowedLoopbackReplyPorts.Select(ParsePorts)];
    }

    /// <summary>True when replies may go to <paramref name="serviceUrl"/>.</summary>
    /// <param name="serviceUrl">The activity's serviceUrl.</param>
    /// <param name="anonymousMode">
    /// True when no app id is configured; then loopback hosts (http or https) on an allowed loopback reply port are also allowed.
    /// </param>
    public bool IsAllowed(Uri serviceUrl, bool anonymousMode) => Evaluate(serviceUrl, anonymousMode) == ServiceUrlVerdict.Allowed;

    /// <summary>The verdict for <paramref name="serviceUrl"/>; refusals are logged with the host and port only.</summary>
    public ServiceUrlVerdict Evaluate(Uri? serviceUrl, bool anonymousMode)
    {
        ServiceUrlVerdict verdict = Decide(serviceUrl, anonymousMode);
        if (verdict != ServiceUrlVerdict.Allowed)
        {
            if (serviceUrl is { IsAbsoluteUri: true, IsFile: false, IsUnc: false } url)
            {
                AuthenticationLog.ServiceUrlRefused(_logger, verdict, url.IdnHost, url.Port);
            }
            else
            {
                AuthenticationLog.ServiceUrlRefused(_logger, verdict, host: null, port: null);
            }
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
        // where a loopback serviceUrl would hand the bot's token to whatever listens on that port. Even without a
        // token, only the ports a local client can be on: anyone who can post to /api/messages could otherwise make
        // the bot POST to every service on this machine (Redis, admin endpoints, the bot itself).
        if (anonymousMode && serviceUrl.IsLoopback
            && (serviceUrl.Scheme == Uri.UriSchemeHttp || serviceUrl.Scheme == Uri.UriSchemeHttps))
        {
            int port = serviceUrl.Port;
            return Array.Exists(_loopbackPorts, r => r.Contains(port)) ? ServiceUrlVerdict.Allowed : ServiceUrlVerdict.LoopbackPortNotAllowed;
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

    private static HostPattern ParseHost(string entry) => HostPattern.TryParse(entry, out HostPattern? pattern, out string? error)
        ? pattern
        : throw new InvalidOperationException($"{BotAuthenticationOptions.SectionName}:AllowedServiceUrlHosts: {error}");

    private static PortRange ParsePorts(string entry) => PortRange.TryParse(entry, out PortRange? range, out string? error)
        ? range
        : throw new InvalidOperationException($"{BotAuthenticationOptions.SectionName}:AllowedLoopbackReplyPorts: {error}");
}
