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

    /// <summary>kfaq teams-package: the filled Teams manifest breaks a rule of the Teams app manifest schema.</summary>
    public const int InvalidManifest = 3;

    /// <summary>kfaq teams-package: a command in the manifest does not get an answer from the bot.</summary>
    public const int UnansweredCommand = 4;
}
