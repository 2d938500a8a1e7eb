using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using KetamineFaqBot.Load.Driving;
using KetamineFaqBot.Load.Reporting;

namespace KetamineFaqBot.Load.Scenarios;

/// <summary>
/// <c>POST /v3/directline/conversations/{id}/activities</c> over conversations opened up front, questions round-robin.
/// The bot acknowledges with the activity's id and answers into the conversation's log, where the answers are counted.
/// </summary>
internal sealed class DirectLineScenario(HttpClient client, QuestionSet questions, int connections)
{
    // Web Chat's own polling interval (its default when it does not stream). Answer times come from the log's
    // timestamps, so polling less often does not change them; polling 500 logs five times a second did slow the bot.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private DirectLineConversation[] _conversations = [];

    /// <summary>Opens the conversations (each gets a welcome answered in the background).</summary>
    public async Task OpenAsync(int count, CancellationToken cancellationToken = default)
    {
        var opened = new DirectLineConversation?[count];
        var result = await RequestDriver.RunAsync(client, count, connections, _ => new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations"), (i, status, body) =>
        {
            if (status != HttpStatusCode.Created)
            {
                return "open " + RequestDriver.SuccessStatus(status);
            }

            using var json = JsonDocument.Parse(body);
            opened[i] = new DirectLineConversation(json.RootElement.GetProperty("conversationId").GetString()!, json.RootElement.GetProperty("token").GetString()!);
            return null;
        }, cancellationToken);
        if (result.ErrorCount > 0)
        {
            throw new InvalidOperationException($"Opening {count} Direct Line conversations failed: {string.Join(", ", result.Errors.Select(e => $"{e.Key}×{e.Value}"))}.");
        }

        _conversations = [.. opened.OfType<DirectLineConversation>()];
    }

    /// <summary>Waits until every conversation shows the bot's welcome, so the measured run starts on an idle bot.</summary>
    public async Task<int> WaitForWelcomesAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var pending = new ConcurrentDictionary<int, bool>(Enumerable.Range(0, _conversations.Length).Select(c => KeyValuePair.Create(c, true)));
        await PollAsync(pending.Keys, (c, log) =>
        {
            if (log.Any(a => a is { Type: "message", Role: "bot" }))
            {
                pending.TryRemove(c, out _);
            }
        }, () => pending.IsEmpty, timeout, cancellationToken);
        return _conversations.Length - pending.Count;
    }

    /// <summary>Posts <paramref name="requests"/> messages; returns the measurement and the id the bot gave each one.</summary>
    /// <param name="ratePerSecond">Null: closed loop; else paced (open loop) at that rate.</param>
    public async Task<(DriveResult Result, string?[] ActivityIds)> RunAsync(int requests, double? ratePerSecond = null, CancellationToken cancellationToken = default)
    {
        var bodies = Enumerable.Range(0, requests).Select(i => ActivityPayloads.DirectLineMessage(questions[i])).ToArray();
        var ids = new string?[requests];
        var result = await RequestDriver.RunAsync(client, requests, connections, ratePerSecond, i =>
        {
            var conversation = _conversations[i % _conversations.Length];
            return ActivityPayloads.Post($"v3/directline/conversations/{conversation.Id}/activities", bodies[i], conversation.Token);
        }, (i, status, body) =>
        {
            if (RequestDriver.SuccessStatus(status) is { } error)
            {
                return error;
            }

            using var json = JsonDocument.Parse(body);
            ids[i] = json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
            return ids[i] is null ? "no id" : null;
        }, cancellationToken);
        return (result, ids);
    }

    /// <summary>Waits for the bot's answer to every accepted activity (a refused one has no id) and times each from the two log timestamps.</summary>
    public async Task<AnswerReport> WaitForAnswersAsync(
        string?[] activityIds, DriveResult run, DateTimeOffset runEnded, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activityIds);
        ArgumentNullException.ThrowIfNull(run);
        var pending = new ConcurrentDictionary<int, ConcurrentDictionary<string, bool>>();
        for (var i = 0; i < activityIds.Length; i++)
        {
            if (activityIds[i] is { } id)
            {
                pending.GetOrAdd(i % _conversations.Length, _ => new(StringComparer.Ordinal))[id] = true;
            }
        }

        var answerMs = new ConcurrentBag<double>();
        var lastAnswer = runEnded;
        var lastLock = new Lock();
        await PollAsync(pending.Keys, (c, log) =>
        {
            var byId = log.ToDictionary(a => a.Id, StringComparer.Ordinal);
            foreach (var reply in log.Where(a => a is { Type: "message", Role: "bot", ReplyToId: not null }))
            {
                if (pending.TryGetValue(c, out var waiting) && waiting.TryRemove(reply.ReplyToId!, out _) && byId.TryGetValue(reply.ReplyToId!, out var asked))
                {
                    answerMs.Add((reply.Timestamp - asked.Timestamp).TotalMilliseconds);
                    lock (lastLock)
                    {
                        lastAnswer = reply.Timestamp > lastAnswer ? reply.Timestamp : lastAnswer;
                    }
                }
            }

            if (pending.TryGetValue(c, out var left) && left.IsEmpty)
            {
                pending.TryRemove(c, out _);
            }
        }, () => pending.IsEmpty, timeout, cancellationToken);

        return AnswerReport.Of("Direct Line log", activityIds.Count(id => id is not null), answerMs, run.Elapsed, Math.Max(0, (lastAnswer - runEnded).TotalSeconds));
    }

    /// <summary>Reads the logs of the conversations still pending until <paramref name="done"/> or the timeout.</summary>
    private async Task PollAsync(
        ICollection<int> pendingConversations, Action<int, List<LoggedActivity>> inspect, Func<bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        using var timer = new PeriodicTimer(PollInterval);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(connections, 1, 16), CancellationToken = cancellationToken };
        while (!done() && DateTimeOffset.UtcNow < deadline)
        {
            await Parallel.ForEachAsync(pendingConversations.ToArray(), parallel, async (c, ct) =>
            {
                await DirectLineLogReader.ReadNewAsync(client, _conversations[c], ct);
                inspect(c, _conversations[c].Log);
            });
            if (!done())
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }
    }
}
