using System.Net;
using System.Net.Sockets;

namespace KetamineFaqBot.Load.Servers;

/// <summary>A loopback port nobody listens on right now, for a child process that must be told its address.</summary>
internal static class FreePort
{
    public static Uri NextLoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
