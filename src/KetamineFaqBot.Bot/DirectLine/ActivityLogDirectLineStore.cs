using System.Globalization;
using System.Text.Json;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Core.Conversations;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// Direct Line's view of the stored activity log: activities go in as JSON, and come back with the id
/// ("{conversationId}|0000001") and server timestamp the log assigned, so every instance serves the same history.
/// </summary>
public sealed class ActivityLogDirectLineStore(IActivityLog log) : IDirectLineStore
{
    public Task<bool> CreateConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
        log.CreateAsync(conversationId, cancellationToken);

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken = default) =>
        log.ExistsAsync(conversationId, cancellationToken);

    public async Task<long?> AppendAsync(string conversationId, Activity activity, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);

        // The id and timestamp belong to the log; they are stored outside the JSON and put back on read.
        activity.Id = null;
        activity.Timestamp = null;
        var logged = await log.AppendAsync(conversationId, JsonSerializer.Serialize(activity, ProtocolJson.Options), expiresAt, cancellationToken);
        if (logged is null)
        {
            return null;
        }

        activity.Id = IdOf(conversationId, logged.Sequence);
        activity.Timestamp = logged.Timestamp;
        return logged.Sequence;
    }

    public async Task<DirectLinePage?> GetAfterAsync(string conversationId, long watermark, int maxCount, CancellationToken cancellationToken = default)
    {
        var page = await log.ReadAfterAsync(conversationId, watermark, maxCount, cancellationToken);
        if (page is null)
        {
            return null;
        }

        var activities = new List<Activity>(page.Activities.Count);
        foreach (var logged in page.Activities)
        {
            var activity = JsonSerializer.Deserialize<Activity>(logged.Json, ProtocolJson.Options)!;
            activity.Id = IdOf(conversationId, logged.Sequence);
            activity.Timestamp = logged.Timestamp;
            activities.Add(activity);
        }

        return new DirectLinePage(activities, page.Watermark);
    }

    private static string IdOf(string conversationId, long sequence) =>
        $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";
}
