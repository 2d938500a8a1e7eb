using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Storage.Redaction;

namespace KetamineFaqBot.Storage;

/// <summary>
/// Recent turns keep the standalone query because follow-ups need it; contact details and identifiers in it are
/// not needed for that, so they are redacted before the state is written.
/// </summary>
internal static class ConversationRedaction
{
    public static ConversationState Prepare(ConversationState state) =>
        state with { RecentTurns = [.. state.RecentTurns.Select(t => t with { Query = TextRedactor.Redact(t.Query) ?? string.Empty })] };
}
