using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KetamineFaqBot.Storage.Tests.Support;

/// <summary>
/// A real redis-server (the Debian package) on a free loopback port, with append-only persistence in a temp
/// folder so it can be stopped and started again without losing data. scripts/test.sh installs the package.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kfaq-redis-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    private RedisServer(int port)
    {
        Port = port;
        Directory.CreateDirectory(folder);
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => process is { HasExited: false };

    public static RedisServer Start()
    {
        var server = new RedisServer(FreePort());
        server.Resume();
        return server;
    }

    /// <summary>Starts the server again on the same port and data folder.</summary>
    public void Resume()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(FindExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", folder,
                     "--appendonly", "yes", "--appendfsync", "always", "--save", string.Empty, "--protected-mode", "yes", "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitUntil(accepting: true);
    }

    /// <summary>Stops the server (data stays on disk) and waits until the port is closed.</summary>
    public void Stop()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
        process = null;
        WaitUntil(accepting: false);
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static string FindExecutable()
    {
        foreach (var candidate in new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("redis-server is not installed: run scripts/test.sh (it installs the Debian package) or apt-get install redis-server.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntil(bool accepting)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (CanConnect() == accepting)
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"redis-server on port {Port} did not {(accepting ? "start accepting" : "stop accepting")} connections within 20 s.");
    }

    private bool CanConnect()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
