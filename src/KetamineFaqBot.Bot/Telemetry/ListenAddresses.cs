using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KetamineFaqBot.Bot.Telemetry;

/// <summary>Whether the server listens only where no other machine can reach it (loopback, Unix socket, named pipe).</summary>
public sealed class ListenAddresses(IServer server)
{
    /// <summary>False when any bound address is reachable from outside, or the addresses are not known.</summary>
    public bool LoopbackOnly => server.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } addresses && addresses.All(IsLocal);

    /// <summary>True for an address only this machine can reach: <c>http://127.0.0.1:5080</c>, <c>http://localhost:5080</c>, a Unix socket.</summary>
    public static bool IsLocal(string address)
    {
        var binding = BindingAddress.Parse(address);
        if (binding.IsUnixPipe || binding.IsNamedPipe || string.Equals(binding.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(binding.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
