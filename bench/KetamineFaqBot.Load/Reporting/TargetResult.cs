namespace KetamineFaqBot.Load.Reporting;

/// <summary>One target of the issue, what was measured against it and whether it was met. Never an exit code.</summary>
internal sealed record TargetResult(string Target, string Measured, bool Met);
