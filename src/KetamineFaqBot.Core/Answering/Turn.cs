namespace KetamineFaqBot.Core.Answering;

/// <summary>One user message as the pipeline sees it, whatever channel it came from.</summary>
/// <param name="ConversationId">Channel conversation id (opaque).</param>
/// <param name="UserId">Channel user id (opaque).</param>
/// <param name="Text">The raw message text. Health information: never log it.</param>
/// <param name="Locale">BCP-47 tag, e.g. en-US.</param>
/// <param name="Channel">Channel id: msteams, directline, webchat, cli, eval…</param>
public sealed record Turn(string ConversationId, string UserId, string Text, string Locale = "en-US", string Channel = "cli");
