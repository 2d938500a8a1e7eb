namespace KetamineFaqBot.Answering.Insights;

/// <summary>A corpus document whose clinical review is due soon (negative <see cref="DaysLeft"/>: overdue).</summary>
public sealed record ReviewDue(string Id, string Path, string Title, DateOnly ReviewDueOn, int DaysLeft);
