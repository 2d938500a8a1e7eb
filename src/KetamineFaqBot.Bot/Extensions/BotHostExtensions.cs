using KetamineFaqBot.Bot.Health;
using KetamineFaqBot.Bot.Hosting;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Bot.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Extensions;

/// <summary>Options, the turn adapter, the background queue and health: what every channel shares.</summary>
public static class BotHostExtensions
{
    public static WebApplicationBuilder AddBotHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BotOptions>().Bind(builder.Configuration.GetSection(BotOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.AddOptions<WebChatOptions>().Bind(builder.Configuration.GetSection(WebChatOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.Configure<RateLimiterOptions>(limiter => limiter.OnRejected = RetryAfterHeader.OnRateLimited);
        services.AddScoped<TurnProcessor>();
        services.AddSingleton<TurnDispatcher>();
        services.AddHostedService<TurnWorker>();
        services.AddSingleton<IReadinessCheck, AnswerServiceReadinessCheck>();
        services.AddSingleton<IReadinessCheck, StoreReadinessCheck>();
        return builder;
    }

    public static WebApplication UseBotHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRetryAfterOnRefusals();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets();
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }
}
