using KetamineFaqBot.Bot.BotFramework;
using KetamineFaqBot.Bot.BotFramework.Authentication;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>
/// /api/messages: the connector client, the serviceUrl allowlist (both modes) and the anonymous-mode defaults of the
/// inbound and outbound authentication seams. With Bot:MicrosoftAppId set, JWT validation and MSAL tokens replace them.
/// </summary>
public static class BotFrameworkExtensions
{
    public static WebApplicationBuilder AddBotFramework(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Bot:MicrosoftAppId"]))
        {
            // SAFETY: with an app id, inbound JWTs are validated, outbound tokens come from MSAL and the host
            // allowlist is checked before any token is attached; the anonymous defaults below are then not used.
            services.AddBotFrameworkAuthentication(builder.Configuration);
            services.AddSingleton<IInboundAuthenticator, JwtInboundAuthenticator>();
            services.AddSingleton<IOutboundTokenSource, MsalTokenSource>();
        }
        else
        {
            // SAFETY: anonymous mode sends no token, but its replies are confined by the same allowlist: loopback
            // serviceUrls on Bot:AllowedLoopbackReplyPorts only.
            services.AddServiceUrlAllowlist(builder.Configuration);
        }

        services.AddSingleton<IServiceUrlPolicy, AllowlistServiceUrlPolicy>();
        services.TryAddSingleton<IInboundAuthenticator, AnonymousInboundAuthenticator>();
        services.TryAddSingleton<IOutboundTokenSource, AnonymousOutboundTokenSource>();
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        services.AddKeyedSingleton(BotFrameworkEndpoints.RateLimiterKey, (sp, _) =>
            new ConversationRateLimiter(sp.GetRequiredService<IOptions<BotOptions>>().Value.MessagesPerMinutePerConversation));
        return builder;
    }
}
