namespace KetamineFaqBot.Bot.Protocol;

/// <summary>Activity type and well-known name strings, compared exactly as the spec requires.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Invoke = "invoke";
    public const string Event = "event";

    public const string SubmitActionInvoke = "message/submitAction";

    /// <summary>Event Web Chat 4.18 posts when a thumb button under a message is pressed.</summary>
    public const string WebChatFeedbackEvent = "webchat:activity-status/feedback";

    /// <summary>Event our own page may post: value {replyToId, reaction}.</summary>
    public const string FeedbackEvent = "feedback";
}
