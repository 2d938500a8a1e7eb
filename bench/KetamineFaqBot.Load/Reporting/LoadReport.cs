namespace KetamineFaqBot.Load.Reporting;

/// <summary>Everything one run measured: the table, memory, targets, and whether the bot behaved (no errors, every answer).</summary>
/// <param name="BehaviourOk">No request failed and every message was answered: the only thing the exit code reflects.</param>
/// <param name="BotLog">The bot's console output, kept for the profile when the run was asked to keep its files.</param>
internal sealed record LoadReport(
    RunInfo Run,
    IReadOnlyList<ScenarioReport> Scenarios,
    MemoryReport BotMemory,
    MemoryReport EchoMemory,
    IReadOnlyList<TargetResult> Targets,
    bool BehaviourOk,
    string? BotLog);
