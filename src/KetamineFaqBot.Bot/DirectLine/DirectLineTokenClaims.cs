namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>What a valid Direct Line token grants: one conversation, as one user.</summary>
public sealed record DirectLineTokenClaims(string ConversationId, string UserId);
