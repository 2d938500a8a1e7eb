namespace KetamineFaqBot.Load.Reporting;

/// <summary>How the run was shaped and what it ran on.</summary>
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
    IReadOnlyDictionary<string, string> BotSettings);
