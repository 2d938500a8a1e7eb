using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>Decides whether an inbound /api/messages request really comes from a Bot Framework channel.</summary>
public interface IInboundAuthenticator
{
    Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken = default);
}
