using System.Security.Cryptography;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Records;
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
    /// An answered turn's replies, stored with its state and provenance record in one write and then pushed to the
    /// open streams in order. Returns the replies' ids, or null for an unknown conversation (nothing stored).
    /// </summary>
    public async Task<IReadOnlyList<string>?> AppendTurnAsync(
        string conversationId, IReadOnlyList<Activity> replies, ConversationState? state, AnswerRecord? record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (await store.AppendTurnAsync(conversationId, replies, state, record, cancellationToken) is not { } sequences)
        {
            return null;
        }

        for (var i = 0; i < replies.Count; i++)
        {
            hub.Publish(conversationId, sequences[i], replies[i]);
        }

        return [.. replies.Select(r => r.Id!)];
    }

    /// <summary>
    /// A client's activity: the stored copy is written and pushed to the open streams, and the handled copy gets the
    /// id the log assigned. Typing is only pushed. Null for an unknown conversation.
    /// </summary>
    public async Task<string?> AppendPostedAsync(string conversationId, InboundActivity posted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var id = await AppendAsync(conversationId, posted.Stored, cancellationToken);
        posted.Handled.Id = posted.Stored.Id;
        posted.Handled.Timestamp = posted.Stored.Timestamp;
        return id;
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
