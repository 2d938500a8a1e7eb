namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>Why <see cref="ServiceUrlAllowlist"/> accepted or refused a serviceUrl.</summary>
public enum ServiceUrlVerdict
{
    /// <summary>The serviceUrl may receive replies.</summary>
    Allowed = 0,

    /// <summary>Missing, relative, unparseable, or a file path.</summary>
    NotAbsolute,

    /// <summary>Not https (http is allowed only for loopback in anonymous mode).</summary>
    InsecureScheme,

    /// <summary>Carries user info (<c>user@host</c>), which has no business in a serviceUrl.</summary>
    HasUserInfo,

    /// <summary>The host is not on the allowlist.</summary>
    HostNotAllowed,

    /// <summary>Anonymous mode: a loopback host on a port that is not on the loopback reply ports.</summary>
    LoopbackPortNotAllowed,
}
