using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>Registers Bot Framework authentication with one call.</summary>
public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient used for OpenID metadata and signing keys.</summary>
    public const string MetadataHttpClientName = "KetamineFaqBot.BotFramework.OpenIdMetadata";

    /// <summary>
    /// Binds and validates <see cref="BotAuthenticationOptions"/> (section <c>Bot</c>) at start-up and registers
    /// <see cref="BotFrameworkTokenValidator"/>, <see cref="MsalOutboundTokenSource"/> and
    /// <see cref="ServiceUrlAllowlist"/> as singletons.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddServiceUrlAllowlist(configuration);
        services.AddHttpClient(MetadataHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // The validator keeps one client for its lifetime; recycle connections so DNS changes are seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
                // SAFETY: metadata and keys are fetched from the configured hosts only, never via redirects.
                AllowAutoRedirect = false,
            });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BotFrameworkTokenValidator(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataHttpClientName),
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>(),
            sp.GetRequiredService<ILogger<BotFrameworkTokenValidator>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new MsalOutboundTokenSource(
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>(),
            sp.GetRequiredService<ILogger<MsalOutboundTokenSource>>(),
            msalHttpClientFactory: null,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Binds and validates <see cref="BotAuthenticationOptions"/> (section <c>Bot</c>) at start-up and registers
    /// <see cref="ServiceUrlAllowlist"/>: all that anonymous mode needs, where no token is validated or sent but replies
    /// still go only where the allowlist says. <see cref="AddBotFrameworkAuthentication"/> includes it; call one or the other.
    /// </summary>
    public static IServiceCollection AddServiceUrlAllowlist(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration.GetSection(BotAuthenticationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>());
        services.TryAddSingleton<ServiceUrlAllowlist>();
        return services;
    }
}
