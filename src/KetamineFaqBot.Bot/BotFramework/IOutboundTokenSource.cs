namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>The bearer token for calls to the Connector; null means send no Authorization header (anonymous mode).</summary>
public interface IOutboundTokenSource
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}
