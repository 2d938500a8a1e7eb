using KetamineFaqBot.Bot.SecurityHeaders;
using Microsoft.AspNetCore.Builder;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>Content-Security-Policy, nosniff, Referrer-Policy and no-store for the content owners' pages, on every response.</summary>
public static class SecurityHeadersExtensions
{
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ContentSecurityPolicy>();
        return builder;
    }

    /// <summary>Call first, so that responses ended by any later middleware (static files, rate limits, errors) carry the headers too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
