using System.Diagnostics;
using System.Globalization;
using KetamineFaqBot.Load.Driving;
using KetamineFaqBot.Load.Reporting;
using KetamineFaqBot.Load.Servers;

namespace KetamineFaqBot.Load.Scenarios;

/// <summary>
/// <c>POST /api/messages</c> in anonymous mode with the connector sink as serviceUrl. The bot acknowledges at once and
/// POSTs its answer to the sink, which times it against the moment the request was sent.
/// </summary>
internal sealed class BotFrameworkScenario(HttpClient client, ConnectorSink sink, QuestionSet questions, int connections, int conversations)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Posts <paramref name="requests"/> messages with ids <c>{phase}-{i}</c>; returns the measurement and those ids.</summary>
    /// <param name="ratePerSecond">Null: closed loop; else paced (open loop) at that rate.</param>
    public async Task<(DriveResult Result, string[] ActivityIds)> RunAsync(string phase, int requests, double? ratePerSecond = null, CancellationToken cancellationToken = default)
    {
        var ids = Enumerable.Range(0, requests).Select(i => phase + "-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var bodies = Enumerable.Range(0, requests)
            .Select(i => ActivityPayloads.BotFrameworkMessage(ids[i], ConversationId(i % conversations), questions[i], sink.BaseAddress))
            .ToArray();
        var result = await RequestDriver.RunAsync(
            client, requests, connections, ratePerSecond, i => ActivityPayloads.Post("api/messages", bodies[i]), (_, status, _) => RequestDriver.SuccessStatus(status), cancellationToken);
        return (result, ids);
    }

    /// <summary>Waits until the sink holds a message replying to every id (or the timeout), then times each reply.</summary>
    public async Task<AnswerReport> WaitForRepliesAsync(string[] activityIds, DriveResult run, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityIds);
        ArgumentNullException.ThrowIfNull(run);
        var accepted = activityIds.Where((_, i) => !run.Failed[i]).ToArray();
        var runEnded = Stopwatch.GetTimestamp();
        var deadline = runEnded + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        using var timer = new PeriodicTimer(PollInterval);
        while (sink.CountReplied(accepted) < accepted.Length && Stopwatch.GetTimestamp() < deadline)
        {
            await timer.WaitForNextTickAsync(cancellationToken);
        }

        var replyMs = new List<double>(activityIds.Length);
        var lastArrival = runEnded;
        for (var i = 0; i < activityIds.Length; i++)
        {
            if (!run.Failed[i] && sink.TryGetArrival(activityIds[i], out var arrived))
            {
                replyMs.Add(DriveResult.TicksToMs(arrived - run.StartTimestamps[i]));
                lastArrival = Math.Max(lastArrival, arrived);
            }
        }

        return AnswerReport.Of("connector sink", accepted.Length, replyMs, run.Elapsed, DriveResult.TicksToMs(lastArrival - runEnded) / 1000.0);
    }

    private static string ConversationId(int index) => "load-conversation-" + index.ToString(CultureInfo.InvariantCulture);
}
