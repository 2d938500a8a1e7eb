using System.CommandLine;
using System.Text.Json;
using KetamineFaqBot.Load.Reporting;
using KetamineFaqBot.Load.Servers;

namespace KetamineFaqBot.Load;

/// <summary>
/// <c>KetamineFaqBot.Load [--requests N] [--connections N] [--conversations N] [--warmup N] [--pace FRACTION | --pace-saturation FRACTION] [--smoke]
/// [--json] [--bot DLL] [--questions FILE] [--reply-timeout S] [--bot-setting KEY=VALUE]… [--keep]</c>.
/// Exit code 0: every request succeeded and every message was answered; 1: errors or missing answers; 2: the run
/// could not be set up. Timing and memory targets are reported, never turned into an exit code.
/// </summary>
internal static class LoadApp
{
    public const int Ok = 0;

    public const int BehaviourFailed = 1;

    public const int SetupFailed = 2;

    /// <summary>The hidden verb the run uses to start the echo baseline in its own process.</summary>
    public const string ServeEchoCommand = "serve-echo";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var requests = new Option<int?>("--requests") { Description = $"Measured requests per scenario (default {LoadSettings.DefaultRequests}; smoke 50)." };
        var connections = new Option<int?>("--connections") { Description = $"Concurrent connections (default {LoadSettings.DefaultConnections}; smoke 4)." };
        var conversations = new Option<int?>("--conversations") { Description = $"Conversations the bot scenarios spread over (default {LoadSettings.DefaultConversations}; smoke 10)." };
        var warmup = new Option<int?>("--warmup") { Description = $"Unmeasured warm-up requests per scenario (default {LoadSettings.DefaultWarmup}; smoke 10)." };
        var pace = new Option<double?>("--pace")
        {
            Description = "Pace the Direct Line and /api/messages scenarios open loop at FRACTION (0 < FRACTION ≤ 1, e.g. 0.2) of the echo baseline's measured req/s (default: closed loop).",
        };
        var paceSaturation = new Option<double?>("--pace-saturation")
        {
            Description = "Measure each bot scenario closed loop (its saturation, in answers/s), then again open loop at FRACTION (0 < FRACTION ≤ 1, e.g. 0.5) of that rate, reported as NAME-paced.",
        };
        var messagesFirst = new Option<bool>("--messages-first") { Description = "Run the /api/messages scenario before Direct Line (default: Direct Line first)." };
        var smoke = new Option<bool>("--smoke") { Description = "A small run that proves every path works (50 requests, 4 connections)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of tables." };
        var bot = new Option<string?>("--bot") { Description = "The bot's KetamineFaqBot.Bot.dll (default: the Release build in the repository)." };
        var questionsFile = new Option<string?>("--questions") { Description = "Eval JSON-lines file whose turns are asked (default tests/eval/starter.jsonl)." };
        var replyTimeout = new Option<int?>("--reply-timeout") { Description = "Seconds to wait for answers after a scenario (default 60; smoke 30)." };
        var botSettings = new Option<string[]>("--bot-setting")
        {
            Description = "Extra bot setting as an environment variable, e.g. Bot__Workers=8 (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the run's temp folder (bot log, SQLite file, index) and print the log's path." };

        var root = new RootCommand("Load test of KetamineFaqBot against a bare ASP.NET Core echo endpoint, loopback only.")
        {
            requests, connections, conversations, warmup, pace, paceSaturation, messagesFirst, smoke, json, bot, questionsFile, replyTimeout, botSettings, keep,
        };
        var url = new Option<string>("--url") { Description = "Loopback URL to listen on.", Required = true };
        var serveEcho = new Command(ServeEchoCommand, "Serve the echo baseline (used by the run itself).") { url };
        serveEcho.Hidden = true;
        serveEcho.SetAction((parse, ct) => EchoEndpoint.RunAsync(new Uri(parse.GetValue(url)!), ct));
        root.Subcommands.Add(serveEcho);

        root.SetAction(async (parse, ct) =>
        {
            if ((parse.GetValue(botSettings) ?? []).FirstOrDefault(s => s.IndexOf('=', StringComparison.Ordinal) <= 0) is { } malformed)
            {
                await stderr.WriteLineAsync($"--bot-setting takes KEY=VALUE (e.g. Bot__Workers=8), not '{malformed}'.");
                return SetupFailed;
            }

            if (parse.GetValue(pace) is { } fraction && !LoadSettings.IsValidPace(fraction))
            {
                await stderr.WriteLineAsync(F($"--pace takes a fraction of the echo baseline's throughput, 0 < FRACTION ≤ 1 (e.g. 0.2), not {fraction}."));
                return SetupFailed;
            }

            if (parse.GetValue(paceSaturation) is { } saturationFraction && (!LoadSettings.IsValidPace(saturationFraction) || parse.GetValue(pace) is not null))
            {
                await stderr.WriteLineAsync(F($"--pace-saturation takes a fraction of each bot scenario's own saturation, 0 < FRACTION ≤ 1 (e.g. 0.5), not {saturationFraction}, and not with --pace."));
                return SetupFailed;
            }

            var settings = Settings(
                parse.GetValue(smoke), parse.GetValue(requests), parse.GetValue(connections), parse.GetValue(conversations), parse.GetValue(warmup),
                parse.GetValue(bot), parse.GetValue(questionsFile), parse.GetValue(replyTimeout), parse.GetValue(botSettings) ?? []);
            if (settings is null)
            {
                await stderr.WriteLineAsync("Cannot find the repository (KetamineFaqBot.sln) from here: pass --bot and --questions.");
                return SetupFailed;
            }

            settings = settings with { Pace = parse.GetValue(pace), SaturationPace = parse.GetValue(paceSaturation), MessagesFirst = parse.GetValue(messagesFirst) };
            return await RunLoadAsync(settings, parse.GetValue(json), parse.GetValue(keep), stdout, stderr, ct);
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync(error.Message);
            }

            return SetupFailed;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>Runs the load and prints the report; the exit code says only whether the bot behaved.</summary>
    public static async Task<int> RunLoadAsync(LoadSettings settings, bool json, bool keep, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        LoadReport report;
        try
        {
            report = await LoadRunner.RunAsync(settings, stderr, keep, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or InvalidDataException or TimeoutException or HttpRequestException or JsonException)
        {
            await stderr.WriteLineAsync("The load run could not be completed: " + ex.Message);
            return SetupFailed;
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(report, ReportJson.Default.LoadReport));
        }
        else
        {
            await ReportTable.WriteAsync(report, stdout);
        }

        return report.BehaviourOk ? Ok : BehaviourFailed;
    }

    private static LoadSettings? Settings(
        bool smoke, int? requests, int? connections, int? conversations, int? warmup, string? bot, string? questions, int? replyTimeout, string[] botSettings)
    {
        var root = RepositoryPaths.FindRoot();
        bot ??= root is null ? null : RepositoryPaths.BotAssembly(root, "Release");
        questions ??= root is null ? null : RepositoryPaths.StarterQuestions(root);
        if (bot is null || questions is null)
        {
            return null;
        }

        // The bot starts in its own folder: a relative path would mean something else there.
        bot = Path.GetFullPath(bot);
        questions = Path.GetFullPath(questions);
        var defaults = smoke
            ? LoadSettings.Smoke(bot, questions)
            : new LoadSettings(
                LoadSettings.DefaultRequests, LoadSettings.DefaultConnections, LoadSettings.DefaultConversations, LoadSettings.DefaultWarmup,
                bot, questions, TimeSpan.FromSeconds(60), new Dictionary<string, string>());
        var extra = botSettings
            .Select(s => s.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[0].Length > 0)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        return defaults with
        {
            Requests = Positive(requests) ?? defaults.Requests,
            Connections = Positive(connections) ?? defaults.Connections,
            Conversations = Positive(conversations) ?? defaults.Conversations,
            Warmup = warmup is >= 0 ? warmup.Value : defaults.Warmup,
            ReplyTimeout = Positive(replyTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.ReplyTimeout,
            BotSettings = extra,
        };
    }

    private static int? Positive(int? value) => value is > 0 ? value : null;

    private static string F(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
