using System.Threading.RateLimiting;
using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>The bot's own Direct Line 3.0 endpoint (tokens, the stored activity log, streams, per-IP limits, optional CORS).</summary>
public static class DirectLineExtensions
{
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>().Bind(builder.Configuration.GetSection(DirectLineOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConversationHighWaterMarks>();
        services.TryAddSingleton<IDirectLineStore, ActivityLogDirectLineStore>();
        services.AddSingleton<DirectLineStreamHub>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<StreamUrlBuilder>();
        services.AddSingleton<DirectLineStreamLimiter>();
        services.AddDataProtection();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineAuthorizer>();
        services.AddKeyedSingleton(DirectLineEndpoints.RateLimiterKey, (sp, _) =>
            new ConversationRateLimiter(sp.GetRequiredService<IOptions<DirectLineOptions>>().Value.ActivitiesPerMinutePerConversation));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(DirectLineEndpoints.OpenRateLimitPolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.ConversationsPerMinutePerIp;
                var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });

        var origins = builder.Configuration.GetSection(DirectLineOptions.SectionName).Get<DirectLineOptions>()?.AllowedOrigins ?? [];
        services.AddCors(cors => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
            .WithOrigins([.. origins])
            .WithHeaders("authorization", "content-type", "x-ms-bot-agent", "x-requested-with")
            .WithMethods("GET", "POST")));
        return builder;
    }
}
