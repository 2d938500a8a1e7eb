using KetamineFaqBot.Bot.BotFramework.Authentication;

namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>Outbound Connector token from MSAL (client secret or managed identity), cached until near expiry.</summary>
public sealed class MsalTokenSource(MsalOutboundTokenSource msal) : IOutboundTokenSource
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => msal.GetTokenAsync(cancellationToken);
}
