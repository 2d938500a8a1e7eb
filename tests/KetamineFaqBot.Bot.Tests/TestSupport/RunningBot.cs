using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>A bot process started by <see cref="BotProcess.StartAsync"/>: its address and everything it has written to its console.</summary>
public sealed partial class RunningBot : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;

    internal RunningBot(ProcessStartInfo start, string folder)
    {
        _folder = folder;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => BotProcess.Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => BotProcess.Append(_output, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The console output so far, one line per line the process wrote.</summary>
    public string Output => BotProcess.Read(_output);

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Waits until the console holds <paramref name="text"/>: the console logger writes in order, so every entry before it is there too.</summary>
    public Task WaitForOutputAsync(string text) =>
        Eventually.ValueAsync(() => Task.FromResult(Output.Contains(text, StringComparison.Ordinal) ? string.Empty : null));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    internal async Task WaitUntilListeningAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (WebChatAddress().Match(Output) is { Success: true } match)
            {
                BaseAddress = new Uri(match.Groups[1].Value);
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("The bot did not announce its address:\n" + Output);
    }

    [GeneratedRegex(@"KetamineFaqBot web chat: (http://\S+/)")]
    private static partial Regex WebChatAddress();
}
