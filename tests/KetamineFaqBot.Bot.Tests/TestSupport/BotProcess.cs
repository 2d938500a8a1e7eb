using System.Diagnostics;
using System.Text;

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
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KetamineFaqBot.Bot.dll"));
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment["Knowledge__IndexRoot"] = Path.Combine(folder, "index");
            start.Environment["Storage__ConnectionString"] = Path.Combine(folder, "state.db");
            foreach (var (key, value) in settings)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

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

    private static void Append(StringBuilder output, string? line)
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

    private static string Read(StringBuilder output)
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
