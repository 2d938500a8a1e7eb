using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>
/// Default inbound check until JWT validation is registered: in anonymous mode (no app id) it accepts only requests
/// without an Authorization header whose serviceUrl is loopback and one the bot may reply to (an allowed loopback reply
/// port); with an app id it refuses everything.
/// </summary>
public sealed class AnonymousInboundAuthenticator(IOptions<BotOptions> options, IServiceUrlPolicy serviceUrlPolicy) : IInboundAuthenticator
{
    public Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!options.Value.IsAnonymous)
        {
            // SAFETY: an app id without a JWT validator must never fall back to trusting callers.
            return Task.FromResult(InboundAuthResult.Failure("An app id is configured but no JWT authenticator is registered."));
        }

        if (!string.IsNullOrEmpty(authorizationHeader))
        {
            // PROTOCOL: like the SDK, a token sent to an anonymous bot cannot validate (its audience is not "").
            return Task.FromResult(InboundAuthResult.Failure("Authorization header sent to an anonymous bot."));
        }

        // SAFETY: anonymous mode would otherwise POST replies to any serviceUrl a caller names (blind SSRF). A turn whose
        // replies the connector would refuse is refused here, before any work is done for it.
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || !serviceUrl.IsLoopback
            || !serviceUrlPolicy.IsAllowed(serviceUrl, anonymousMode: true))
        {
            return Task.FromResult(InboundAuthResult.Failure("Anonymous mode accepts only loopback serviceUrls on an allowed reply port."));
        }

        return Task.FromResult(InboundAuthResult.Success());
    }
}
