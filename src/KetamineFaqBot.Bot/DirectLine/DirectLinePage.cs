using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>One page of a conversation's log and the watermark to ask from next.</summary>
public sealed record DirectLinePage(IReadOnlyList<Activity> Activities, long Watermark);
