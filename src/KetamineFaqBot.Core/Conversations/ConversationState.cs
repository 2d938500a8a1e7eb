namespace KetamineFaqBot.Core.Conversations;

/// <summary>Recent turns of one conversation and whether it has ever hit the crisis route.</summary>
public sealed record ConversationState(IReadOnlyList<ConversationTurn> RecentTurns, bool CrisisFlag)
{
    public static ConversationState Empty { get; } = new([], false);
}
