namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>
/// Default outbound host policy: anonymous mode allows only loopback http(s) serviceUrls; with an app id, https to the
/// Bot Framework's own hosts only. The authentication component registers the full allowlist.
/// </summary>
public sealed class LoopbackServiceUrlPolicy : IServiceUrlPolicy
{
    public bool IsAllowed(Uri serviceUrl, bool anonymousMode)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (anonymousMode)
        {
            return IsLoopbackHttp(serviceUrl);
        }

        // SAFETY: exact hosts only: *.trafficmanager.net is a namespace any Azure customer can register.
        var host = serviceUrl.IdnHost;
        return serviceUrl.Scheme == Uri.UriSchemeHttps
            && (host.Equals("smba.trafficmanager.net", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".botframework.com", StringComparison.OrdinalIgnoreCase));
    }

    internal static bool IsLoopbackHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.IsLoopback;
}
