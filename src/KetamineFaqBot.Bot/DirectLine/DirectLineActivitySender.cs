using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>Routes a Direct Line conversation's replies in-process into its log: no outbound HTTP at all.</summary>
public sealed class DirectLineActivitySender(DirectLineConversations conversations, string conversationId, TimeSpan typingDelay) : IActivitySender
{
    /// <summary>Typing shows once an answer takes longer than this; each indicator is a write to the stored log.</summary>
    public TimeSpan TypingDelay => typingDelay;

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
