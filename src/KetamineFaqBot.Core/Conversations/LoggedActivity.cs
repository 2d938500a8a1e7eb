namespace KetamineFaqBot.Core.Conversations;

/// <summary>One stored activity with the sequence number and timestamp the log gave it.</summary>
public sealed record LoggedActivity(long Sequence, DateTimeOffset Timestamp, string Json);
