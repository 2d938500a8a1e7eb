namespace KetamineFaqBot.Load.Scenarios;

/// <summary>What the run needs of one activity in a Direct Line conversation's log.</summary>
internal sealed record LoggedActivity(string Id, string Type, string? Role, string? ReplyToId, DateTimeOffset Timestamp);
