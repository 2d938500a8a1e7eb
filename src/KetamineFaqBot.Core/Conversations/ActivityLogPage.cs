namespace KetamineFaqBot.Core.Conversations;

/// <summary>A page of the activity log and the watermark to continue from.</summary>
public sealed record ActivityLogPage(IReadOnlyList<LoggedActivity> Activities, long Watermark);
