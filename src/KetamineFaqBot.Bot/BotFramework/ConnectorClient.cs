using System.Net.Http.Headers;
using System.Net.Http.Json;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>Connector REST client over IHttpClientFactory. Checks the serviceUrl policy before a token is ever fetched.</summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IServiceUrlPolicy serviceUrlPolicy,
    IOutboundTokenSource tokenSource,
    IOptions<BotOptions> options) : IConnectorClient
{
    public const string HttpClientName = "bot-connector";

    public async Task<string?> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(activity);

        // SAFETY: the allowlist comes before the token, so a forged serviceUrl never receives the bot's credentials.
        if (!serviceUrlPolicy.IsAllowed(serviceUrl, options.Value.IsAnonymous))
        {
            throw new ConnectorException("The serviceUrl is not allowed.");
        }

        var requestUri = BuildUri(serviceUrl, conversationId, activity.ReplyToId);

        // PROTOCOL: the channel assigns id and timestamp; like the SDK, they are never sent.
        activity.Id = null;
        activity.Timestamp = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, requestUri)
        {
            Content = JsonContent.Create(activity, options: ProtocolJson.Options),
        };
        var token = await tokenSource.GetTokenAsync(cancellationToken);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException($"The channel answered {(int)response.StatusCode}.");
        }

        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        try
        {
            var resource = await response.Content.ReadFromJsonAsync<ResourceResponse>(ProtocolJson.Options, cancellationToken);
            return resource?.Id;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Keeps the serviceUrl's path (Teams uses e.g. /amer/) and escapes ids, which contain ':', '@' and ';'.</summary>
    public static Uri BuildUri(Uri serviceUrl, string conversationId, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var baseText = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl.AbsoluteUri : serviceUrl.AbsoluteUri + "/";
        var relative = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            relative += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(new Uri(baseText), relative);
    }
}
