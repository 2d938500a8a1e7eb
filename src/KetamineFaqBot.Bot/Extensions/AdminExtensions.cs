using System.Threading.RateLimiting;
using KetamineFaqBot.Answering.Insights;
using KetamineFaqBot.Bot.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>The content owners' admin API: options, key check, per-address rate limit, reindexer and insights.</summary>
public static class AdminExtensions
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AdminKey>();
        services.TryAddSingleton<ContentReindexer>();
        services.TryAddSingleton<InsightsBuilder>();
        services.Configure<RateLimiterOptions>(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AdminEndpoints.RateLimitPolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.RequestsPerMinute;
                // Wrong guesses, keyless requests and the right key count apart: a stranger guessing from an address
                // (or behind the same NAT) never locks the content owners out.
                var presented = context.RequestServices.GetRequiredService<AdminKey>().Check(context.Request);
                return RateLimitPartition.GetFixedWindowLimiter(
                    $"admin:{presented}:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return builder;
    }
}
