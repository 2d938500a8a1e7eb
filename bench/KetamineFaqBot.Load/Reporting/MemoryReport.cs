namespace KetamineFaqBot.Load.Reporting;

/// <summary>Resident memory of a server process in MB (null where Linux's /proc could not tell).</summary>
/// <param name="ReadyMb">VmRSS once it answered its readiness probe (for the bot: index built and loaded).</param>
/// <param name="PeakUnderLoadMb">Largest VmRSS sampled while the scenarios ran.</param>
/// <param name="PeakMb">VmHWM at the end: the peak over the whole life of the process, start-up included.</param>
internal sealed record MemoryReport(double? ReadyMb, double? PeakUnderLoadMb, double? PeakMb);
