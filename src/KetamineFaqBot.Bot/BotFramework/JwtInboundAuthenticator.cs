using KetamineFaqBot.Bot.BotFramework.Authentication;
using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>With an app id: every inbound activity must carry a valid Bot Framework (or Emulator) token.</summary>
public sealed class JwtInboundAuthenticator(BotFrameworkTokenValidator validator) : IInboundAuthenticator
{
    public async Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var outcome = await validator.ValidateAsync(authorizationHeader, activity.ServiceUrl, activity.ChannelId ?? string.Empty, cancellationToken);
        return outcome.IsAuthenticated && !outcome.IsAnonymous
            ? InboundAuthResult.Success(outcome.CallerId)
            : InboundAuthResult.Failure(outcome.Failure.ToString());
    }
}
