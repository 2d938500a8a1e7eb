using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>The Connector REST API, as far as the bot uses it.</summary>
public interface IConnectorClient
{
    /// <summary>
    /// POST {serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}]; returns the ResourceResponse id.
    /// Throws <see cref="ConnectorException"/> when the serviceUrl is not allowed or the channel refuses.
    /// </summary>
    Task<string?> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);
}
