using System.Globalization;

namespace KetamineFaqBot.Load.Reporting;

/// <summary>The report as plain-text tables, ready to paste into docs/load-test.md.</summary>
internal static class ReportTable
{
    public static async Task WriteAsync(LoadReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var run = report.Run;
        await output.WriteLineAsync(F($"KetamineFaqBot load test, {run.StartedAt:yyyy-MM-dd HH:mm} UTC: {run.Requests} requests per scenario, {run.Connections} connections, {run.Conversations} conversations, {run.Warmup} warm-up requests, {run.Questions} questions"));
        await output.WriteLineAsync(F($"{run.Processors} logical processors, {run.Os}, {run.Runtime}; load average {run.LoadAverage}"));
        if (run.BotSettings.Count > 0)
        {
            await output.WriteLineAsync("bot settings: " + string.Join(' ', run.BotSettings.Select(s => s.Key + "=" + s.Value)));
        }

        if (run.Pace is { } pace)
        {
            await output.WriteLineAsync(F($"paced: directline and messages offered {pace * 100:0.#}% of echo's measured req/s, open loop (warm-ups closed loop); their latency counts from each request's scheduled time"));
        }

        if (run.SaturationPace is { } saturation)
        {
            await output.WriteLineAsync(F($"saturation-paced: each bot scenario measured closed loop, then NAME-paced open loop at {saturation * 100:0.#}% of the answers/s its closed loop sustained; paced latency counts from each request's scheduled time"));
        }

        if (run.MessagesFirst)
        {
            await output.WriteLineAsync("order: messages before directline (--messages-first)");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(F($"{"scenario",-16} {"endpoint",-50} {"requests",8} {"errors",6} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"vs echo",8}"));
        foreach (var s in report.Scenarios)
        {
            await output.WriteLineAsync(F($"{s.Name,-16} {s.Endpoint,-50} {s.Requests,8} {s.Errors,6} {s.RequestsPerSecond,9:0} {s.P50Ms,8:0.00} {s.P99Ms,8:0.00} {Percent(s.ThroughputRatio),8}"));
        }

        foreach (var s in report.Scenarios.Where(s => s.Paced is not null))
        {
            var p = s.Paced!;
            await output.WriteLineAsync(F($"  {s.Name} paced: offered {p.OfferedRequestsPerSecond:0} req/s ({Percent(p.OfferedRatio)} of echo), achieved {s.RequestsPerSecond:0} req/s ({Percent(s.ThroughputRatio)}), last response {p.LagMs:0} ms after schedule"));
        }

        foreach (var s in report.Scenarios.Where(s => s.Errors > 0))
        {
            await output.WriteLineAsync(F($"  {s.Name} errors: {string.Join(", ", s.ErrorKinds.Select(e => $"{e.Key}×{e.Value}"))}"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(F($"{"answers",-16} {"where",-20} {"answered/owed",14} {"p50 ms",9} {"p99 ms",9} {"drain s",8} {"answers/s",10} {"vs echo",8}"));
        var echoRps = report.Scenarios.FirstOrDefault(s => s.Answers is null)?.RequestsPerSecond ?? double.NaN;
        foreach (var s in report.Scenarios.Where(s => s.Answers is not null))
        {
            var a = s.Answers!;
            await output.WriteLineAsync(F($"{s.Name,-16} {a.Where,-20} {$"{a.Received}/{a.Expected}",14} {a.P50Ms,9:0.0} {a.P99Ms,9:0.0} {a.DrainSeconds,8:0.00} {a.AnswersPerSecond,10:0} {Percent(a.AnswersPerSecond / echoRps),8}"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(F($"{"memory MB",-12} {"ready",8} {"peak under load",16} {"peak (VmHWM)",13}"));
        await output.WriteLineAsync(F($"{"bot",-12} {Mb(report.BotMemory.ReadyMb),8} {Mb(report.BotMemory.PeakUnderLoadMb),16} {Mb(report.BotMemory.PeakMb),13}"));
        await output.WriteLineAsync(F($"{"echo",-12} {Mb(report.EchoMemory.ReadyMb),8} {Mb(report.EchoMemory.PeakUnderLoadMb),16} {Mb(report.EchoMemory.PeakMb),13}"));

        await output.WriteLineAsync();
        await output.WriteLineAsync("targets (reported, never enforced)");
        var width = report.Targets.Select(t => t.Target.Length).Append(62).Max();
        foreach (var t in report.Targets)
        {
            await output.WriteLineAsync(F($"  {(t.Met ? "met   " : "MISSED")}  {t.Target.PadRight(width)} {t.Measured}"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(report.BehaviourOk
            ? "behaviour: every request succeeded and every message was answered"
            : "behaviour: FAILED (errors or unanswered messages above)");
        if (report.BotLog is not null)
        {
            await output.WriteLineAsync("bot log: " + report.BotLog);
        }
    }

    private static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Mb(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "n/a";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
