namespace KetamineFaqBot.Core.Conversations;

/// <summary>What is kept of one earlier turn for follow-up context: the standalone query, never more than a feature needs.</summary>
public sealed record ConversationTurn(DateTimeOffset At, string Query, string Route, IReadOnlyList<string> Passages);
