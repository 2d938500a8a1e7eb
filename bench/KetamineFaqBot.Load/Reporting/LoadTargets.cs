using System.Globalization;

namespace KetamineFaqBot.Load.Reporting;

/// <summary>
/// The targets of the issue (performance: load test), checked and reported, never enforced. In a paced run the
/// throughput target is met when the bot achieved 20 % of echo, or was offered at least 20 % and kept up: achieved at
/// least 95 % of the offered rate (a fixed count run open loop always ends a latency after its schedule).
/// </summary>
internal static class LoadTargets
{
    public const double MinThroughputRatio = 0.20;

    public const double MaxP99Ms = 50;

    public const double MaxPeakRssMb = 250;

    /// <summary>In a paced run, the share of the offered rate a bot must achieve to count as keeping up with it.</summary>
    public const double PacedKeptUpShare = 0.95;

    /// <summary>Direct Line's answered turns/s as a share of /api/messages' in the same run (closed loop).</summary>
    public const double MinDirectLineShareOfMessages = 0.70;

    /// <summary>The p99 target of a scenario paced at a fraction of its own saturation (--pace-saturation).</summary>
    public const double MaxSaturationPacedP99Ms = 100;

    /// <summary>The p99 target is stated at this many connections.</summary>
    public const int TargetConnections = 64;

    /// <param name="saturationPace">The run's --pace-saturation fraction: its "-paced" scenarios are checked against their own target.</param>
    public static IReadOnlyList<TargetResult> Check(IReadOnlyList<ScenarioReport> scenarios, MemoryReport bot, int connections, double? saturationPace = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(bot);
        var results = new List<TargetResult>();
        var at = connections == TargetConnections ? string.Empty : F($" (run at {connections} connections, target stated at {TargetConnections})");
        foreach (var scenario in scenarios.Where(s => s.Answers is not null))
        {
            if (saturationPace is { } fraction && scenario.Name.EndsWith("-paced", StringComparison.Ordinal))
            {
                results.Add(new(
                    F($"{scenario.Name}: p99 < {MaxSaturationPacedP99Ms} ms at {fraction * 100:0.#}% of its saturation"),
                    F($"{scenario.P99Ms:0.0} ms (answers p99 {scenario.Answers!.P99Ms:0.0} ms)"),
                    scenario.P99Ms < MaxSaturationPacedP99Ms));
                results.Add(new(F($"{scenario.Name}: 0 errors"), F($"{scenario.Errors}"), scenario.Errors == 0));
                results.Add(new(F($"{scenario.Name}: every message answered"), F($"{scenario.Answers.Received}/{scenario.Answers.Expected}"), scenario.Answers.Complete));
                continue;
            }

            results.Add(Throughput(scenario));
            results.Add(new(F($"{scenario.Name}: 0 errors"), F($"{scenario.Errors}"), scenario.Errors == 0));
            results.Add(new(F($"{scenario.Name}: p99 < {MaxP99Ms} ms{at}"), F($"{scenario.P99Ms:0.0} ms"), scenario.P99Ms < MaxP99Ms));
            results.Add(new(F($"{scenario.Name}: every message answered"), F($"{scenario.Answers!.Received}/{scenario.Answers.Expected}"), scenario.Answers.Complete));
        }

        if (scenarios.FirstOrDefault(s => s.Name == "directline")?.Answers is { } directLine
            && scenarios.FirstOrDefault(s => s.Name == "messages")?.Answers is { AnswersPerSecond: > 0 } messages)
        {
            var share = directLine.AnswersPerSecond / messages.AnswersPerSecond;
            results.Add(new(
                F($"directline answered turns/s ≥ {MinDirectLineShareOfMessages * 100:0}% of messages' (same run)"),
                F($"{directLine.AnswersPerSecond:0} vs {messages.AnswersPerSecond:0} answers/s: {share * 100:0.0}%"),
                share >= MinDirectLineShareOfMessages));
        }

        results.Add(bot.PeakMb is { } peak
            ? new(F($"bot peak RSS < {MaxPeakRssMb} MB (VmHWM, extractive)"), F($"{peak:0} MB"), peak < MaxPeakRssMb)
            : new(F($"bot peak RSS < {MaxPeakRssMb} MB (VmHWM, extractive)"), "unknown (no /proc)", false));
        return results;
    }

    private static TargetResult Throughput(ScenarioReport scenario)
    {
        if (scenario.Paced is not { } paced)
        {
            return new(F($"{scenario.Name}: throughput ≥ {MinThroughputRatio * 100:0}% of echo"), F($"{scenario.ThroughputRatio * 100:0.0}%"), scenario.ThroughputRatio >= MinThroughputRatio);
        }

        // A fixed count offered open loop ends one latency after its schedule, so even a bot that keeps up achieves a
        // little under the offered rate. Achieving 95 % of an offered 20 % or more is the bot sustaining the target;
        // a bot that falls behind builds a backlog and its achieved rate drops with it. (A run of a few dozen requests
        // lasts about one latency, so there even a bot that keeps up can miss: smoke figures prove paths, not targets.)
        var share = paced.OfferedRatio > 0 ? scenario.ThroughputRatio / paced.OfferedRatio : 0;
        var keptUp = paced.OfferedRatio >= MinThroughputRatio && share >= PacedKeptUpShare;
        return new(
            F($"{scenario.Name}: throughput ≥ {MinThroughputRatio * 100:0}% of echo (paced: offered, ≥ {PacedKeptUpShare * 100:0}% of it achieved)"),
            F($"offered {paced.OfferedRatio * 100:0.0}%: achieved {scenario.ThroughputRatio * 100:0.0}% ({share * 100:0}% of offered), last response {paced.LagMs:0} ms after schedule"),
            scenario.ThroughputRatio >= MinThroughputRatio || keptUp);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
