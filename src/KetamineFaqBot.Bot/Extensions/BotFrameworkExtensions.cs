using KetamineFaqBot.Bot.BotFramework;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>
/// /api/messages: the connector client and the anonymous-mode defaults of the three authentication seams. TryAdd lets
/// the authentication component's registrations (JWT validation, MSAL tokens, host allowlist) take precedence.
/// </summary>
public static class BotFrameworkExtensions
{
    public static WebApplicationBuilder AddBotFramework(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<IInboundAuthenticator, AnonymousInboundAuthenticator>();
        services.TryAddSingleton<IOutboundTokenSource, AnonymousOutboundTokenSource>();
        services.TryAddSingleton<IServiceUrlPolicy, LoopbackServiceUrlPolicy>();
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        services.AddKeyedSingleton(BotFrameworkEndpoints.RateLimiterKey, (sp, _) =>
            new ConversationRateLimiter(sp.GetRequiredService<IOptions<BotOptions>>().Value.MessagesPerMinutePerConversation));
        return builder;
    }
}
