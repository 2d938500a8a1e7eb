using KetamineFaqBot.Bot.Admin;

namespace KetamineFaqBot.Bot.Telemetry;

/// <summary>
/// Guards <c>/metrics</c>: open when the bot listens on loopback only; otherwise the admin API's own key check
/// (<see cref="AdminKeyFilter"/>), so a scraper presents <c>Admin:ApiKey</c> as a bearer token.
/// </summary>
public sealed class MetricsAccessFilter(ListenAddresses listening, AdminKey key, ILogger<AdminKeyFilter> logger) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return listening.LoopbackOnly ? next(context) : new AdminKeyFilter(key, logger).InvokeAsync(context, next);
    }
}
