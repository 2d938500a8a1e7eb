using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>Routes a Direct Line conversation's replies in-process into its log: no outbound HTTP at all.</summary>
public sealed class DirectLineActivitySender(DirectLineConversations conversations, string conversationId) : IActivitySender
{
    /// <summary>Typing costs nothing in-process, so it shows as soon as an answer is not immediate.</summary>
    public TimeSpan TypingDelay => TimeSpan.Zero;

    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.From ??= conversations.BotAccount;
        activity.From.Role = "bot";
        activity.Conversation = new ConversationAccount { Id = conversationId };
        return await conversations.AppendAsync(conversationId, activity, cancellationToken)
            ?? throw new InvalidOperationException("The Direct Line conversation no longer exists.");
    }
}
