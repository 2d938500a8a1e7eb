namespace KetamineFaqBot.Cli;

/// <summary>Process exit codes shared by every kfaq verb, so scripts and CI can rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Success (warnings allowed).</summary>
    public const int Ok = 0;

    /// <summary>The verb ran and found errors or failures (lint errors, failed evaluation cases, …).</summary>
    public const int Findings = 1;

    /// <summary>Bad input or usage: unknown option, missing folder or file.</summary>
    public const int Usage = 2;
}
