using KetamineFaqBot.Bot.BotFramework.Authentication;

namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>Outbound hosts checked against the configured allowlist before any token is attached.</summary>
public sealed class AllowlistServiceUrlPolicy(ServiceUrlAllowlist allowlist) : IServiceUrlPolicy
{
    public bool IsAllowed(Uri serviceUrl, bool anonymousMode) => allowlist.IsAllowed(serviceUrl, anonymousMode);
}
