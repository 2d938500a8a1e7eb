using System.Diagnostics;
using System.Text;
using KetamineFaqBot.Cli.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>
/// The bot as an operator starts it: its own process (<c>dotnet KetamineFaqBot.Bot.dll</c>) with settings passed as
/// environment variables. For start-up failures, where the process must stop and say why on its console; an
/// in-process host that fails while starting races its own disposal and can surface a different exception.
/// </summary>
public static class BotProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs the bot until it exits (or kills it after a minute) and returns its exit code and console output.</summary>
    public static async Task<BotExit> RunUntilExitAsync(IDictionary<string, string?> settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kfaq-bot-process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var start = StartInfo(folder, settings);
            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return new BotExit(null, Read(output));
            }

            return new BotExit(process.ExitCode, Read(output));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Starts the bot from a fresh working directory (not its own folder), over the shipped corpus and prompts, and
    /// returns once it announces its web chat address. Disposing it stops it.
    /// </summary>
    public static async Task<RunningBot> StartAsync(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = Path.Combine(Path.GetTempPath(), "kfaq-bot-process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var all = new Dictionary<string, string?>(settings)
        {
            ["Knowledge:CorpusFolder"] = RepositoryRoot.Path("corpus"),
            ["Knowledge:PromptsFolder"] = RepositoryRoot.Path("prompts"),
        };
        all.TryAdd("Semantics:Enabled", "false");
        var bot = new RunningBot(StartInfo(folder, all), folder);
        await bot.WaitUntilListeningAsync(Timeout);
        return bot;
    }

    private static ProcessStartInfo StartInfo(string folder, IDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KetamineFaqBot.Bot.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";

        // Urls, not ASPNETCORE_URLS: the shipped appsettings.json sets Urls, and app settings win over host settings.
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Knowledge__IndexRoot"] = Path.Combine(folder, "index");
        start.Environment["Storage__ConnectionString"] = Path.Combine(folder, "state.db");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    internal static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    internal static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

/// <summary>How the bot process ended: its exit code (null when it was still running at the time limit) and console output.</summary>
public sealed record BotExit(int? ExitCode, string Output)
{
    /// <summary>True when the process stopped by itself with a failure code.</summary>
    public bool Failed => ExitCode is not null and not 0;
}
