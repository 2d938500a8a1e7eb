using System.Diagnostics;

namespace KetamineFaqBot.Load.Servers;

/// <summary>
/// A server run as <c>dotnet &lt;assembly&gt;</c> in a child process: its output goes to a log file (read for the
/// profile, never parsed for figures), it is ready when a probe says so, and it is killed at the end.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private bool _logClosed;

    private ServerProcess(Process process, Uri baseAddress, string logPath, StreamWriter log)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogPath = logPath;
        _log = log;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet assembly arguments…</c> with the given environment (added to this process's own).</summary>
    public static ServerProcess Start(
        string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, Uri baseAddress, string logPath)
    {
        var start = new ProcessStartInfo(RepositoryPaths.DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, baseAddress, logPath, log);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls <paramref name="probe"/> until it answers true; fails with the log's tail if the process dies or time runs out.</summary>
    public async Task WaitUntilReadyAsync(Func<CancellationToken, Task<bool>> probe, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was ready.{Environment.NewLine}{Tail()}");
                }

                try
                {
                    if (await probe(deadline.Token))
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
            }
            while (await timer.WaitForNextTickAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The server was not ready within {timeout.TotalSeconds:0} s.{Environment.NewLine}{Tail()}");
        }
    }

    /// <summary>The last lines of the server's output, for an error message.</summary>
    public string Tail(int lines = 20)
    {
        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.Flush();
            }
        }

        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
        lock (_logLock)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
