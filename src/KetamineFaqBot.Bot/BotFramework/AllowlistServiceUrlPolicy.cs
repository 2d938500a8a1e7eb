using KetamineFaqBot.Bot.BotFramework.Authentication;

namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>
/// Reply destinations checked against <see cref="ServiceUrlAllowlist"/> before any token is attached: allowlisted hosts,
/// and in anonymous mode loopback hosts on an allowed loopback reply port.
/// </summary>
public sealed class AllowlistServiceUrlPolicy(ServiceUrlAllowlist allowlist) : IServiceUrlPolicy
{
    public bool IsAllowed(Uri serviceUrl, bool anonymousMode) => allowlist.IsAllowed(serviceUrl, anonymousMode);
}
