namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>No token: anonymous mode sends no Authorization header (MicrosoftAppCredentials.Empty in the SDK).</summary>
public sealed class AnonymousOutboundTokenSource : IOutboundTokenSource
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
