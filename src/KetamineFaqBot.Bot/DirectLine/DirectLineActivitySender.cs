using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Records;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// Routes a Direct Line conversation's replies in-process into its log: no outbound HTTP at all. An answered turn's
/// reply, state and provenance record are one store write; typing is never stored, only pushed to open streams.
/// </summary>
public sealed class DirectLineActivitySender(DirectLineConversations conversations, string conversationId, TimeSpan typingDelay) : IStoringActivitySender
{
    /// <summary>Typing shows once an answer takes longer than this.</summary>
    public TimeSpan TypingDelay => typingDelay;

    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken = default) =>
        await conversations.AppendAsync(conversationId, FromBot(activity), cancellationToken) ?? throw Gone();

    public async Task<string> SendTurnAsync(Activity reply, ConversationState? state, AnswerRecord record, CancellationToken cancellationToken = default)
    {
        var ids = await conversations.AppendTurnAsync(conversationId, [FromBot(reply)], state, record, cancellationToken) ?? throw Gone();
        return ids[0];
    }

    private Activity FromBot(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.From ??= conversations.BotAccount;
        activity.From.Role = "bot";
        activity.Conversation = new ConversationAccount { Id = conversationId };
        return activity;
    }

    private static InvalidOperationException Gone() => new("The Direct Line conversation no longer exists.");
}
