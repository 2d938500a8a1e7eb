using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>Sends one conversation's replies back through the Connector of the channel that delivered the activity.</summary>
public sealed class ConnectorActivitySender(IConnectorClient connector, Uri serviceUrl, string conversationId, TimeSpan typingDelay) : IActivitySender
{
    public TimeSpan TypingDelay => typingDelay;

    public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken = default) =>
        connector.SendAsync(serviceUrl, conversationId, activity, cancellationToken);
}
