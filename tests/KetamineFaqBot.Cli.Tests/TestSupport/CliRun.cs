using System.Globalization;

namespace KetamineFaqBot.Cli.Tests.TestSupport;

/// <summary>Runs kfaq in-process with captured output.</summary>
public static class CliRun
{
    /// <summary>A prompts folder with a few route exemplars per route: enough to train a classifier in a moment.</summary>
    public static string TestPrompts { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "prompts");

    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await KfaqApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string NewTempFolder(string prefix)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(path);
        return path;
    }
}
