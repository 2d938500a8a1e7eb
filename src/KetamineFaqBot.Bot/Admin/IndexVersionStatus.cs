namespace KetamineFaqBot.Bot.Admin;

/// <summary>One index version on disk; <see cref="Error"/> says why an unreadable one cannot be served.</summary>
public sealed record IndexVersionStatus(string Name, bool IsCurrent, DateTimeOffset? BuiltAtUtc, int? Passages, string? Error);
