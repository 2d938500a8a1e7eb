namespace KetamineFaqBot.Core.Conversations;

/// <summary>
/// Writes an answered turn's replies, state and provenance record as one store write: one transaction (SQLite) or
/// one atomic script (Redis), so either all of it is stored or none of it.
/// </summary>
public interface ITurnWriter
{
    /// <summary>
    /// Appends the replies (in order, after everything already in the log), saves the state and writes the record.
    /// Returns the replies as logged, or null when the conversation is unknown: then nothing is written. Throws when
    /// the store fails, and then nothing is written either.
    /// </summary>
    Task<IReadOnlyList<LoggedActivity>?> WriteAsync(TurnWrite write, CancellationToken cancellationToken = default);
}
