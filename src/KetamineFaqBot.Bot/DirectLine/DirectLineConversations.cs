using System.Security.Cryptography;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>Appends to the Direct Line log and pushes to open streams in one step; knows the bot's account.</summary>
public sealed class DirectLineConversations(
    IDirectLineStore store,
    DirectLineStreamHub hub,
    IOptions<DirectLineOptions> options,
    TimeProvider timeProvider)
{
    public IDirectLineStore Store => store;

    public DirectLineStreamHub Hub => hub;

    public ChannelAccount BotAccount => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    /// <summary>
    /// Appends and returns the id given, or null for an unknown conversation. Typing is never written: it is pushed
    /// to the open streams from memory and gone.
    /// </summary>
    public async Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Typing)
        {
            return await PushTypingAsync(conversationId, activity, cancellationToken);
        }

        var sequence = await store.AppendAsync(conversationId, activity, cancellationToken: cancellationToken);
        if (sequence is not { } seq)
        {
            return null;
        }

        hub.Publish(conversationId, seq, activity);
        return activity.Id;
    }

    /// <summary>
    /// A client's activity: the redacted copy is written, the echo (as typed) is pushed to the open streams, and both
    /// and the handled copy get the id the log assigned. Null for an unknown conversation.
    /// </summary>
    public async Task<string?> AppendPostedAsync(string conversationId, InboundActivity posted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posted);
        if (posted.Stored.Type == ActivityTypes.Typing)
        {
            var typingId = await PushTypingAsync(conversationId, posted.Echo, cancellationToken);
            posted.Handled.Id = typingId;
            return typingId;
        }

        var sequence = await store.AppendAsync(conversationId, posted.Stored, cancellationToken: cancellationToken);
        if (sequence is not { } seq)
        {
            return null;
        }

        foreach (var copy in new[] { posted.Echo, posted.Handled })
        {
            copy.Id = posted.Stored.Id;
            copy.Timestamp = posted.Stored.Timestamp;
        }

        // SAFETY: the text as typed lives only in this push to the user's own open streams; the log keeps it redacted.
        hub.Publish(conversationId, seq, posted.Echo);
        return posted.Stored.Id;
    }

    private async Task<string?> PushTypingAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(conversationId, cancellationToken))
        {
            return null;
        }

        // PROTOCOL: typing carries no watermark and is never in a page of activities: only open streams see it.
        activity.Id = $"{conversationId}|typing-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        activity.Text = null;
        activity.Timestamp = timeProvider.GetUtcNow();
        hub.Publish(conversationId, null, activity);
        return activity.Id;
    }
}
