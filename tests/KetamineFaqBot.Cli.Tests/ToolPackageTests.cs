using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using KetamineFaqBot.Cli.Tests.TestSupport;

namespace KetamineFaqBot.Cli.Tests;

/// <summary>
/// kfaq as content owners get it: the .NET tool package, installed into a folder of its own and run from a folder
/// that is not the repository. The package is packed from this test run's own build (no compile, no restore) and
/// installed from a temp feed alone, so nothing is fetched.
/// </summary>
public sealed class ToolPackageTests(RealIndexFixture index) : IClassFixture<RealIndexFixture>
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    /// <summary>A build of every project for one platform plus ReadyToRun compilation of every assembly: minutes on 2 cores.</summary>
    private static readonly TimeSpan PlatformPackTimeout = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task InstalledTool_PrintsItsVersionAndAnswersOverAnIndex()
    {
        var version = RepositoryVersion();
        var folder = CliRun.NewTempFolder("kfaq-tool-");
        try
        {
            var feed = Path.Combine(folder, "feed");
            var tools = Path.Combine(folder, "tools");
            var elsewhere = Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName;

            var pack = await RunAsync(Dotnet, folder,
                "pack", RepositoryRoot.Path("src", "KetamineFaqBot.Cli", "KetamineFaqBot.Cli.csproj"),
                "-c", BuildConfiguration, "--no-build", "--disable-build-servers", "--nologo", "-o", feed,
                "-p:PublishDir=" + Path.Combine(folder, "publish") + Path.DirectorySeparatorChar);
            Assert.True(pack.Exit == 0, "dotnet pack failed:\n" + pack.Output);
            Assert.True(File.Exists(Path.Combine(feed, $"KetamineFaqBot.Cli.{version}.nupkg")), "no package in the feed:\n" + pack.Output);

            // Only the temp feed: the install must neither need nor ask any other source.
            var config = Path.Combine(folder, "nuget.config");
            await File.WriteAllTextAsync(config,
                $"""<configuration><packageSources><clear /><add key="kfaq" value="{feed}" /></packageSources></configuration>""");
            var install = await RunAsync(Dotnet, folder,
                "tool", "install", "--tool-path", tools, "--configfile", config, "KetamineFaqBot.Cli", "--version", version);
            Assert.True(install.Exit == 0, "dotnet tool install failed:\n" + install.Output);

            var kfaq = Path.Combine(tools, OperatingSystem.IsWindows() ? "kfaq.exe" : "kfaq");
            var shown = await RunAsync(kfaq, elsewhere, "--version");
            Assert.Equal(0, shown.Exit);
            Assert.StartsWith(version, shown.Output.Trim(), StringComparison.Ordinal);

            // From a folder with no corpus, prompts or index: the options alone must lead it to them, and the sentence
            // model must have travelled inside the package.
            var asked = await RunAsync(kfaq, elsewhere,
                "ask", "is ketamine addictive", "--root", index.Root, "--prompts", RepositoryRoot.Path("prompts"));
            Assert.True(asked.Exit == 0, "kfaq ask failed:\n" + asked.Output);
            Assert.Contains("[answer · ", asked.Output, StringComparison.Ordinal);
            Assert.Contains("addict", asked.Output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    [Fact]
    public async Task ToolPackedForThisPlatform_IsPrecompiledAndAnswersLikeThePortableOne()
    {
        var version = RepositoryVersion();
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var folder = CliRun.NewTempFolder("kfaq-rid-tool-");
        try
        {
            var feed = Path.Combine(folder, "feed");
            var tools = Path.Combine(folder, "tools");
            var elsewhere = Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName;

            // Built and packed under the temp folder (--artifacts-path), so the repository's own bin and obj folders, which
            // other test projects run from, are left alone.
            var pack = await RunAsync(Dotnet, folder, PlatformPackTimeout,
                "pack", RepositoryRoot.Path("src", "KetamineFaqBot.Cli", "KetamineFaqBot.Cli.csproj"),
                "-c", "Release", "-r", rid, "--disable-build-servers", "--nologo", "-o", feed, "--artifacts-path", Path.Combine(folder, "build"));
            Assert.True(pack.Exit == 0, "dotnet pack -r failed:\n" + pack.Output);

            var config = Path.Combine(folder, "nuget.config");
            await File.WriteAllTextAsync(config,
                $"""<configuration><packageSources><clear /><add key="kfaq" value="{feed}" /></packageSources></configuration>""");
            var install = await RunAsync(Dotnet, folder,
                "tool", "install", "--tool-path", tools, "--configfile", config, "KetamineFaqBot.Cli", "--version", version);
            Assert.True(install.Exit == 0, "dotnet tool install failed:\n" + install.Output);

            var installed = Directory.GetFiles(tools, "KetamineFaqBot.Answering.dll", SearchOption.AllDirectories).Single();
            Assert.True(IsReadyToRun(installed), installed + " carries no ReadyToRun code.");
            Assert.True(IsReadyToRun(Path.Combine(Path.GetDirectoryName(installed)!, "Lucene.Net.dll")), "Lucene.Net.dll carries no ReadyToRun code.");

            var kfaq = Path.Combine(tools, OperatingSystem.IsWindows() ? "kfaq.exe" : "kfaq");
            var question = "is ketamine addictive";
            var asked = await RunAsync(kfaq, elsewhere, "ask", "--json", question, "--root", index.Root, "--prompts", RepositoryRoot.Path("prompts"));
            Assert.True(asked.Exit == 0, "kfaq ask failed:\n" + asked.Output);

            // The same answer, route, citations and provenance as the pipeline in this test process gives.
            var (code, expected, _) = await CliRun.RunAsync("ask", "--json", question, "--root", index.Root, "--prompts", RepositoryRoot.Path("prompts"));
            Assert.Equal(0, code);
            Assert.Equal(expected.Trim(), asked.Output.Trim());
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>True when the assembly holds precompiled code: a ReadyToRun header behind its managed native header.</summary>
    private static bool IsReadyToRun(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>Debug or Release, as this test assembly (and so the kfaq it references) was built.</summary>
    private static string BuildConfiguration =>
        typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The product version every project takes from Directory.Build.props.</summary>
    private static string RepositoryVersion() =>
        XDocument.Load(RepositoryRoot.Path("Directory.Build.props")).Descendants("Version").Single().Value.Trim();

    private static Task<(int Exit, string Output)> RunAsync(string file, string workingDirectory, params string[] arguments) =>
        RunAsync(file, workingDirectory, StepTimeout, arguments);

    private static async Task<(int Exit, string Output)> RunAsync(string file, string workingDirectory, TimeSpan stepTimeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild's and the test platform's variables; a nested SDK command must not inherit them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(stepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"timed out after {stepTimeout}:\n{Read(output)}");
        }

        return (process.ExitCode, Read(output));
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

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
