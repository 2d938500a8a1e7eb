using System.Text.Json;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Records;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// Direct Line's view of the stored activity log: activities go in as JSON, and come back with the id
/// ("{conversationId}|0000001") and server timestamp the log assigned, so every instance serves the same history.
/// Every append passes through here, so this is where <see cref="ConversationHighWaterMarks"/> learns of it.
/// </summary>
public sealed class ActivityLogDirectLineStore(IActivityLog log, ITurnWriter turns, ConversationHighWaterMarks marks) : IDirectLineStore
{
    public Task<bool> CreateConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
        marks.CreateAsync(conversationId, () => log.CreateAsync(conversationId, cancellationToken));

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken = default) =>
        log.ExistsAsync(conversationId, cancellationToken);

    public async Task<long?> AppendAsync(string conversationId, Activity activity, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);

        var startedAt = marks.Now();
        LoggedActivity? logged;
        try
        {
            logged = await log.AppendAsync(conversationId, ToStored(activity), expiresAt, cancellationToken);
        }
        catch
        {
            marks.Forget(conversationId);
            throw;
        }

        if (logged is null)
        {
            marks.Forget(conversationId);
            return null;
        }

        marks.Appended(conversationId, logged.Sequence, startedAt);
        activity.Id = logged.IdIn(conversationId);
        activity.Timestamp = logged.Timestamp;
        return logged.Sequence;
    }

    public async Task<IReadOnlyList<long>?> AppendTurnAsync(
        string conversationId, IReadOnlyList<Activity> replies, ConversationState? state, AnswerRecord? record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var startedAt = marks.Now();
        IReadOnlyList<LoggedActivity>? logged;
        try
        {
            logged = await turns.WriteAsync(new TurnWrite(conversationId, [.. replies.Select(ToStored)], state, record), cancellationToken);
        }
        catch
        {
            marks.Forget(conversationId);
            throw;
        }

        if (logged is null)
        {
            marks.Forget(conversationId);
            return null;
        }

        for (var i = 0; i < replies.Count; i++)
        {
            replies[i].Id = logged[i].IdIn(conversationId);
            replies[i].Timestamp = logged[i].Timestamp;
            marks.Appended(conversationId, logged[i].Sequence, startedAt);
        }

        return [.. logged.Select(l => l.Sequence)];
    }

    public async Task<DirectLinePage?> GetAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken = default)
    {
        var page = await GetStoredAfterAsync(conversationId, watermark, maxCount, cancellationToken);
        if (page is null)
        {
            return null;
        }

        var activities = new List<Activity>(page.Activities.Count);
        foreach (var logged in page.Activities)
        {
            var activity = JsonSerializer.Deserialize<Activity>(logged.Json, ProtocolJson.Options)!;
            activity.Id = logged.IdIn(conversationId);
            activity.Timestamp = logged.Timestamp;
            activities.Add(activity);
        }

        return new DirectLinePage(activities, page.Watermark);
    }

    public async Task<ActivityLogPage?> GetStoredAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken = default)
    {
        if (marks.IsAtEnd(conversationId, watermark, out var last))
        {
            return new ActivityLogPage([], last);
        }

        return await log.ReadAfterAsync(conversationId, watermark, maxCount, cancellationToken);
    }

    /// <summary>
    /// The id and timestamp belong to the log; they are stored outside the JSON and put back on read. Every stored
    /// activity is therefore an <see cref="Activity"/> as <see cref="ProtocolJson"/> writes it, minus those two
    /// (<see cref="StoredActivitySet"/> relies on that).
    /// </summary>
    private static string ToStored(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = null;
        activity.Timestamp = null;
        return JsonSerializer.Serialize(activity, ProtocolJson.Options);
    }
}
