namespace KetamineFaqBot.Load.Reporting;

/// <summary>How the run was shaped and what it ran on.</summary>
/// <param name="LoadAverage">/proc/loadavg (1, 5, 15 min) at the start and at the end: other work on the machine skews every figure.</param>
/// <param name="Pace">The <c>--pace</c> fraction of the echo baseline's req/s the bot scenarios were offered; null: closed loop.</param>
/// <param name="SaturationPace">The <c>--pace-saturation</c> fraction of each bot scenario's own closed-loop answers/s its paced run was offered.</param>
/// <param name="MessagesFirst">True when <c>--messages-first</c> ran /api/messages before Direct Line.</param>
internal sealed record RunInfo(
    DateTimeOffset StartedAt,
    int Requests,
    int Connections,
    int Conversations,
    int Warmup,
    int Questions,
    int Processors,
    string Os,
    string Runtime,
    string LoadAverage,
    IReadOnlyDictionary<string, string> BotSettings,
    double? Pace = null,
    double? SaturationPace = null,
    bool MessagesFirst = false);
