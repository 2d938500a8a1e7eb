using System.Net;
using KetamineFaqBot.Bot.Options;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// Where a client's WebSocket goes. The URL carries the conversation's token, so its host never comes from an
/// unchecked <c>Host</c> header: DirectLine:PublicUrl when set; else the request's host when the platform's
/// AllowedHosts list names hosts (host filtering has then refused any other) or when it is a loopback name or the very
/// address the request arrived on; else that address itself.
/// </summary>
public sealed class StreamUrlBuilder(IOptions<DirectLineOptions> options, IOptions<HostFilteringOptions> hostFiltering)
{
    public string For(HttpRequest request, string conversationId, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = $"/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        if (options.Value.PublicUrl is { } publicUrl)
        {
            var scheme = publicUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
            return $"{scheme}://{publicUrl.Authority}{publicUrl.AbsolutePath.TrimEnd('/')}{path}";
        }

        var wsScheme = request.IsHttps ? "wss" : "ws";
        var host = IsTrusted(request) ? request.Host.ToUriComponent() : LocalAuthority(request.HttpContext.Connection);
        return $"{wsScheme}://{host}{request.PathBase}{path}";
    }

    private bool IsTrusted(HttpRequest request)
    {
        if (!request.Host.HasValue)
        {
            return false;
        }

        var allowed = hostFiltering.Value.AllowedHosts;
        if (allowed.Count > 0 && !allowed.Contains("*"))
        {
            return true;
        }

        var name = request.Host.Host;
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(name.Trim('[', ']'), out var address)
            && (IPAddress.IsLoopback(address) || address.Equals(request.HttpContext.Connection.LocalIpAddress));
    }

    private static string LocalAuthority(ConnectionInfo connection)
    {
        var address = connection.LocalIpAddress ?? IPAddress.Loopback;
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return $"{host}:{connection.LocalPort}";
    }
}
