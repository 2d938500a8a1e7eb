using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>Direct Line ActivitySet. <see cref="Activities"/> is always an array: both official clients die on a missing one.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
