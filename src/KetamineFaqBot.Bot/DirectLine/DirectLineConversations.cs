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

    /// <summary>Appends (typing only for a short while) and returns the id given, or null for an unknown conversation.</summary>
    public async Task<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        DateTimeOffset? expiresAt = activity.Type == ActivityTypes.Typing
            ? timeProvider.GetUtcNow().AddSeconds(options.Value.TypingLifetimeSeconds)
            : null;
        var sequence = await store.AppendAsync(conversationId, activity, expiresAt, cancellationToken);
        if (sequence is not { } seq)
        {
            return null;
        }

        hub.Publish(conversationId, seq, activity);
        return activity.Id;
    }
}
