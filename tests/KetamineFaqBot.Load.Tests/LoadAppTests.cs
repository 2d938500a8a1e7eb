using System.Text.Json;

namespace KetamineFaqBot.Load.Tests;

/// <summary>The whole tool in smoke mode against the real bot: behaviour only (no errors, every answer), never speed.</summary>
public sealed class LoadAppTests
{
    [Fact]
    public async Task RunAsync_SmokeAgainstTheRealBot_EveryRequestSucceedsAndEveryMessageIsAnswered()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await LoadApp.RunAsync(["--smoke", "--json", "--bot", TestPaths.BotAssembly, "--questions", TestPaths.StarterQuestions], stdout, stderr);

        Assert.True(exit == LoadApp.Ok, $"exit {exit}{Environment.NewLine}{stderr}{Environment.NewLine}{stdout}");
        using var report = JsonDocument.Parse(stdout.ToString());
        var root = report.RootElement;
        Assert.True(root.GetProperty("behaviourOk").GetBoolean());
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["echo", "directline", "messages"], scenarios.Keys);
        foreach (var scenario in scenarios.Values)
        {
            Assert.Equal(50, scenario.GetProperty("requests").GetInt32());
            Assert.Equal(0, scenario.GetProperty("errors").GetInt32());
            Assert.True(scenario.GetProperty("requestsPerSecond").GetDouble() > 0);
        }

        foreach (var name in new[] { "directline", "messages" })
        {
            var answers = scenarios[name].GetProperty("answers");
            Assert.Equal(50, answers.GetProperty("expected").GetInt32());
            Assert.Equal(50, answers.GetProperty("received").GetInt32());
        }

        Assert.Equal(JsonValueKind.Null, scenarios["echo"].GetProperty("answers").ValueKind);

        // The bot ran as its own process, so its memory was read from /proc (the runner's own would be no proof).
        var botPeak = root.GetProperty("botMemory").GetProperty("peakMb").GetDouble();
        Assert.True(botPeak > 0);
        Assert.Contains(root.GetProperty("targets").EnumerateArray(), t => t.GetProperty("target").GetString()!.StartsWith("bot peak RSS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SmokePacedAtTwentyPercent_BotScenariosRunOpenLoopAndTheReportSaysSo()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await LoadApp.RunAsync(["--smoke", "--pace", "0.2", "--json", "--bot", TestPaths.BotAssembly, "--questions", TestPaths.StarterQuestions], stdout, stderr);

        Assert.True(exit == LoadApp.Ok, $"exit {exit}{Environment.NewLine}{stderr}{Environment.NewLine}{stdout}");
        using var report = JsonDocument.Parse(stdout.ToString());
        var root = report.RootElement;
        Assert.Equal(0.2, root.GetProperty("run").GetProperty("pace").GetDouble());
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);

        // The baseline is what the pace is a fraction of: it runs closed loop.
        Assert.Equal(JsonValueKind.Null, scenarios["echo"].GetProperty("paced").ValueKind);
        var echoRps = scenarios["echo"].GetProperty("requestsPerSecond").GetDouble();
        foreach (var name in new[] { "directline", "messages" })
        {
            var scenario = scenarios[name];
            Assert.Equal(50, scenario.GetProperty("requests").GetInt32());
            Assert.Equal(0, scenario.GetProperty("errors").GetInt32());
            Assert.Equal(50, scenario.GetProperty("answers").GetProperty("received").GetInt32());
            var paced = scenario.GetProperty("paced");
            Assert.Equal(0.2, paced.GetProperty("offeredRatio").GetDouble());
            Assert.Equal(0.2 * echoRps, paced.GetProperty("offeredRequestsPerSecond").GetDouble(), precision: 6);
            Assert.True(paced.GetProperty("lagMs").GetDouble() >= 0);

            // 50 requests offered at that rate take at least 49 intervals, however fast the bot answers.
            Assert.True(scenario.GetProperty("requestsPerSecond").GetDouble() <= 50 / (49 / (0.2 * echoRps)), $"{name} went faster than it was offered");
        }

        Assert.Contains(root.GetProperty("targets").EnumerateArray(), t => t.GetProperty("measured").GetString()!.StartsWith("offered 20.0%: achieved ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-0.2")]
    [InlineData("NaN")]
    [InlineData("fast")]
    public async Task RunAsync_PaceOutsideZeroToOne_ExitsWithSetupFailedBeforeStartingAnything(string pace)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await LoadApp.RunAsync(["--smoke", "--pace", pace, "--bot", TestPaths.BotAssembly, "--questions", TestPaths.StarterQuestions], stdout, stderr);

        Assert.Equal(LoadApp.SetupFailed, exit);
        Assert.Contains("--pace", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [Theory]
    [InlineData("--pace-saturation", "0")]
    [InlineData("--pace-saturation", "1.5")]
    [InlineData("--pace", "0.2", "--pace-saturation", "0.5")]
    public async Task RunAsync_SaturationPaceOutOfRangeOrWithPace_ExitsWithSetupFailedBeforeStartingAnything(params string[] options)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await LoadApp.RunAsync(["--smoke", .. options, "--bot", TestPaths.BotAssembly, "--questions", TestPaths.StarterQuestions], stdout, stderr);

        Assert.Equal(LoadApp.SetupFailed, exit);
        Assert.Contains("--pace-saturation", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_MessagesFirst_IsAnOptionTheToolReads()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Out of range on purpose, so nothing starts: the refusal is about --pace, not an unknown --messages-first.
        var exit = await LoadApp.RunAsync(["--smoke", "--messages-first", "--pace", "0", "--bot", TestPaths.BotAssembly, "--questions", TestPaths.StarterQuestions], stdout, stderr);

        Assert.Equal(LoadApp.SetupFailed, exit);
        Assert.Contains("--pace takes", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("--messages-first", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BotNotBuilt_ExitsWithSetupFailedAndSaysHowToBuildIt()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), "kfaq-no-bot-" + Guid.NewGuid().ToString("N"), "KetamineFaqBot.Bot.dll");

        var exit = await LoadApp.RunAsync(["--smoke", "--bot", missing, "--questions", TestPaths.StarterQuestions], stdout, stderr);

        Assert.Equal(LoadApp.SetupFailed, exit);
        Assert.Contains("dotnet build -c Release src/KetamineFaqBot.Bot", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_BotSettingWithoutValue_ExitsWithSetupFailedBeforeStartingAnything()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await LoadApp.RunAsync(["--smoke", "--bot-setting", "Bot__Workers", "--bot", TestPaths.BotAssembly, "--questions", TestPaths.StarterQuestions], stdout, stderr);

        Assert.Equal(LoadApp.SetupFailed, exit);
        Assert.Contains("KEY=VALUE", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }
}
