using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using KetamineFaqBot.Load.Driving;
using KetamineFaqBot.Load.Reporting;
using KetamineFaqBot.Load.Scenarios;
using KetamineFaqBot.Load.Servers;

namespace KetamineFaqBot.Load;

/// <summary>
/// One load run: starts the echo baseline and the real bot as child processes and the connector sink in-process,
/// drives the three scenarios one after the other (each warmed up, each bot scenario drained before the next),
/// and reports throughput, latency, answers, memory and the targets.
/// </summary>
internal static class LoadRunner
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    public static async Task<LoadReport> RunAsync(LoadSettings settings, TextWriter progress, bool keepFiles = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        if (!File.Exists(settings.BotAssembly))
        {
            throw new FileNotFoundException($"The bot is not built at {settings.BotAssembly}: run 'dotnet build -c Release src/KetamineFaqBot.Bot' first, or pass --bot.", settings.BotAssembly);
        }

        var questions = QuestionSet.Load(settings.QuestionsFile);
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineLoad.Read();
        var work = Directory.CreateTempSubdirectory("kfaq-load-").FullName;
        try
        {
            await using var sink = await ConnectorSink.StartAsync(cancellationToken);
            using var echo = await StartEchoAsync(work, progress, cancellationToken);
            var echoReadyMb = ProcessMemory.CurrentMegabytes(echo.ProcessId);
            using var bot = await StartBotAsync(settings, sink.BaseAddress, work, progress, cancellationToken);
            var botReadyMb = ProcessMemory.CurrentMegabytes(bot.ProcessId);

            var scenarios = new List<ScenarioReport>();
            double botPeakUnderLoad, echoPeakUnderLoad;
            await using (var botSampler = new RssSampler(bot.ProcessId, TimeSpan.FromMilliseconds(100)))
            await using (var echoSampler = new RssSampler(echo.ProcessId, TimeSpan.FromMilliseconds(100)))
            {
                var baseline = await RunEchoAsync(settings, questions, echo.BaseAddress, progress, cancellationToken);
                scenarios.Add(Report("echo", "POST /echo (bare ASP.NET Core)", baseline, baseline.RequestsPerSecond, null));
                var offered = OfferedRate(settings.Pace, baseline);
                if (offered is { } rate)
                {
                    await progress.WriteLineAsync(F($"pacing the bot scenarios at {rate:0} req/s ({settings.Pace * 100:0.#}% of echo's {baseline.RequestsPerSecond:0} req/s)"));
                }

                if (settings.MessagesFirst)
                {
                    scenarios.AddRange(await RunMessagesAsync(settings, questions, bot.BaseAddress, sink, baseline.RequestsPerSecond, offered, progress, cancellationToken));
                    scenarios.AddRange(await RunDirectLineAsync(settings, questions, bot.BaseAddress, baseline.RequestsPerSecond, offered, progress, cancellationToken));
                }
                else
                {
                    scenarios.AddRange(await RunDirectLineAsync(settings, questions, bot.BaseAddress, baseline.RequestsPerSecond, offered, progress, cancellationToken));
                    scenarios.AddRange(await RunMessagesAsync(settings, questions, bot.BaseAddress, sink, baseline.RequestsPerSecond, offered, progress, cancellationToken));
                }
                botPeakUnderLoad = botSampler.PeakMegabytes;
                echoPeakUnderLoad = echoSampler.PeakMegabytes;
            }

            var botMemory = new MemoryReport(botReadyMb, botPeakUnderLoad, ProcessMemory.PeakMegabytes(bot.ProcessId));
            var echoMemory = new MemoryReport(echoReadyMb, echoPeakUnderLoad, ProcessMemory.PeakMegabytes(echo.ProcessId));
            var behaviourOk = scenarios.All(s => s.Errors == 0 && (s.Answers?.Complete ?? true));
            string? botLog = null;
            if (keepFiles)
            {
                botLog = bot.LogPath;
            }

            var run = new RunInfo(
                startedAt, settings.Requests, settings.Connections, settings.Conversations, settings.Warmup, questions.Count,
                Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
                $"{loadAtStart} at start, {MachineLoad.Read()} at end", settings.BotSettings, settings.Pace, settings.SaturationPace, settings.MessagesFirst);
            return new LoadReport(run, scenarios, botMemory, echoMemory, LoadTargets.Check(scenarios, botMemory, settings.Connections, settings.SaturationPace), behaviourOk, botLog);
        }
        finally
        {
            if (!keepFiles)
            {
                TryDelete(work);
            }
        }
    }

    private static async Task<ServerProcess> StartEchoAsync(string work, TextWriter progress, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync("starting the echo baseline…");
        var url = FreePort.NextLoopbackUrl();
        var environment = new Dictionary<string, string>
        {
            // The bot is an ASP.NET Core app and so runs server GC; the baseline gets the same.
            ["DOTNET_gcServer"] = "1",
        };
        var echo = ServerProcess.Start(
            typeof(LoadRunner).Assembly.Location, [LoadApp.ServeEchoCommand, "--url", url.ToString()], environment, work, url, Path.Combine(work, "echo.log"));
        using var client = new HttpClient { BaseAddress = url };
        await WaitOrStopAsync(echo, async ct =>
        {
            using var response = await client.PostAsync(EchoEndpoint.Path.TrimStart('/'), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), ct);
            return response.StatusCode == HttpStatusCode.OK;
        }, ReadyTimeout, cancellationToken);
        return echo;
    }

    private static async Task<ServerProcess> StartBotAsync(LoadSettings settings, Uri sinkAddress, string work, TextWriter progress, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync("starting the bot (the index is built on first start)…");
        var url = FreePort.NextLoopbackUrl();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = url.GetLeftPart(UriPartial.Authority),
            ["Bot__AllowAnonymous"] = "true",
            // The sink is already listening: its port is the one loopback port the anonymous bot may reply to.
            ["Bot__AllowedLoopbackReplyPorts__0"] = sinkAddress.Port.ToString(CultureInfo.InvariantCulture),
            ["Bot__MessagesPerMinutePerConversation"] = "100000",
            ["DirectLine__ConversationsPerMinutePerIp"] = "100000",
            ["DirectLine__ActivitiesPerMinutePerConversation"] = "100000",
            ["Storage__ConnectionString"] = Path.Combine(work, "state.db"),
            ["Knowledge__IndexRoot"] = Path.Combine(work, "index"),
        };
        foreach (var (key, value) in settings.BotSettings)
        {
            environment[key] = value;
        }

        // The bot's own folder is its content root (appsettings.json); it finds corpus/ and prompts/ in a parent folder.
        var bot = ServerProcess.Start(settings.BotAssembly, [], environment, Path.GetDirectoryName(settings.BotAssembly)!, url, Path.Combine(work, "bot.log"));
        using var client = new HttpClient { BaseAddress = url };
        await WaitOrStopAsync(bot, async ct =>
        {
            using var response = await client.GetAsync("readyz", ct);
            return response.StatusCode == HttpStatusCode.OK;
        }, ReadyTimeout, cancellationToken);
        return bot;
    }

    /// <summary>Waits for readiness; a server that never gets there is stopped, not left running.</summary>
    private static async Task WaitOrStopAsync(ServerProcess server, Func<CancellationToken, Task<bool>> probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await server.WaitUntilReadyAsync(probe, timeout, cancellationToken);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private static async Task<DriveResult> RunEchoAsync(LoadSettings settings, QuestionSet questions, Uri baseAddress, TextWriter progress, CancellationToken cancellationToken)
    {
        using var client = RequestDriver.CreateClient(baseAddress, settings.Connections);
        var echo = new EchoScenario(client, questions, settings.Connections);
        await progress.WriteLineAsync("echo: warm-up…");
        await echo.RunAsync(settings.Warmup, cancellationToken);
        await progress.WriteLineAsync("echo: measuring…");
        return await echo.RunAsync(settings.Requests, cancellationToken);
    }

    /// <summary>The paced rate for the bot scenarios, from the baseline just measured; null when the run is not paced.</summary>
    private static double? OfferedRate(double? pace, DriveResult baseline)
    {
        if (pace is not { } fraction)
        {
            return null;
        }

        var rate = fraction * baseline.RequestsPerSecond;
        return rate > 0 && double.IsFinite(rate)
            ? rate
            : throw new InvalidOperationException(F($"The echo baseline measured {baseline.RequestsPerSecond} req/s: there is no rate to pace at."));
    }

    private static async Task<IReadOnlyList<ScenarioReport>> RunDirectLineAsync(
        LoadSettings settings, QuestionSet questions, Uri baseAddress, double baselineRps, double? offered, TextWriter progress, CancellationToken cancellationToken)
    {
        using var client = RequestDriver.CreateClient(baseAddress, settings.Connections);
        var directLine = new DirectLineScenario(client, questions, settings.Connections);
        await progress.WriteLineAsync($"directline: opening {settings.Conversations} conversations…");
        await directLine.OpenAsync(settings.Conversations, cancellationToken);
        var welcomed = await directLine.WaitForWelcomesAsync(settings.ReplyTimeout, cancellationToken);
        if (welcomed < settings.Conversations)
        {
            await progress.WriteLineAsync($"directline: only {welcomed}/{settings.Conversations} conversations got their welcome in time");
        }

        await progress.WriteLineAsync("directline: warm-up…");
        var (warmup, warmupIds) = await directLine.RunAsync(settings.Warmup, cancellationToken: cancellationToken);
        await directLine.WaitForAnswersAsync(warmupIds, warmup, DateTimeOffset.UtcNow, settings.ReplyTimeout, cancellationToken);
        await progress.WriteLineAsync(offered is null ? "directline: measuring…" : "directline: measuring (paced)…");
        var (result, ids) = await directLine.RunAsync(settings.Requests, offered, cancellationToken);
        var ended = DateTimeOffset.UtcNow;
        await progress.WriteLineAsync("directline: waiting for the answers…");
        var answers = await directLine.WaitForAnswersAsync(ids, result, ended, settings.ReplyTimeout, cancellationToken);
        const string endpoint = "POST /v3/directline/conversations/{id}/activities";
        var closed = Report("directline", endpoint, result, baselineRps, answers, settings.Pace);
        if (SaturationRate(settings, answers) is not { } rate)
        {
            return [closed];
        }

        await progress.WriteLineAsync(F($"directline: measuring paced at {rate:0} req/s ({settings.SaturationPace * 100:0.#}% of its {answers.AnswersPerSecond:0} answers/s)…"));
        var (paced, pacedIds) = await directLine.RunAsync(settings.Requests, rate, cancellationToken);
        var pacedEnded = DateTimeOffset.UtcNow;
        var pacedAnswers = await directLine.WaitForAnswersAsync(pacedIds, paced, pacedEnded, settings.ReplyTimeout, cancellationToken);
        return [closed, Report("directline-paced", endpoint, paced, baselineRps, pacedAnswers, rate / baselineRps)];
    }

    /// <summary>With --pace-saturation: the rate of the scenario's paced run, from the answers/s its closed loop sustained.</summary>
    private static double? SaturationRate(LoadSettings settings, AnswerReport closedLoop) =>
        settings.SaturationPace is { } fraction && closedLoop.AnswersPerSecond > 0 ? fraction * closedLoop.AnswersPerSecond : null;

    private static async Task<IReadOnlyList<ScenarioReport>> RunMessagesAsync(
        LoadSettings settings, QuestionSet questions, Uri baseAddress, ConnectorSink sink, double baselineRps, double? offered, TextWriter progress,
        CancellationToken cancellationToken)
    {
        using var client = RequestDriver.CreateClient(baseAddress, settings.Connections);
        var messages = new BotFrameworkScenario(client, sink, questions, settings.Connections, settings.Conversations);
        await progress.WriteLineAsync("messages: warm-up…");
        var (warmup, warmupIds) = await messages.RunAsync("warmup", settings.Warmup, cancellationToken: cancellationToken);
        await messages.WaitForRepliesAsync(warmupIds, warmup, settings.ReplyTimeout, cancellationToken);
        await progress.WriteLineAsync(offered is null ? "messages: measuring…" : "messages: measuring (paced)…");
        var (result, ids) = await messages.RunAsync("run", settings.Requests, offered, cancellationToken);
        await progress.WriteLineAsync("messages: waiting for the replies at the sink…");
        var answers = await messages.WaitForRepliesAsync(ids, result, settings.ReplyTimeout, cancellationToken);
        const string endpoint = "POST /api/messages (anonymous, loopback sink)";
        var closed = Report("messages", endpoint, result, baselineRps, answers, settings.Pace);
        if (SaturationRate(settings, answers) is not { } rate)
        {
            return [closed];
        }

        await progress.WriteLineAsync(F($"messages: measuring paced at {rate:0} req/s ({settings.SaturationPace * 100:0.#}% of its {answers.AnswersPerSecond:0} answers/s)…"));
        var (paced, pacedIds) = await messages.RunAsync("paced", settings.Requests, rate, cancellationToken);
        var pacedAnswers = await messages.WaitForRepliesAsync(pacedIds, paced, settings.ReplyTimeout, cancellationToken);
        return [closed, Report("messages-paced", endpoint, paced, baselineRps, pacedAnswers, rate / baselineRps)];
    }

    /// <param name="pace">The run's pace: reported as given, since offered ÷ baseline may round to just under it.</param>
    private static ScenarioReport Report(string name, string endpoint, DriveResult result, double baselineRps, AnswerReport? answers, double? pace = null) => new(
        name, endpoint, result.Requests, result.ErrorCount, result.Errors, result.RequestsPerSecond, result.PercentileMs(50), result.PercentileMs(99),
        baselineRps > 0 ? result.RequestsPerSecond / baselineRps : 0, answers,
        result.OfferedRate is { } offered && pace is { } fraction ? new PacedReport(offered, fraction, result.LagMs ?? 0) : null);

    private static string F(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
