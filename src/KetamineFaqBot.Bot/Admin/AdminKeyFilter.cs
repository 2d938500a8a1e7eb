using KetamineFaqBot.Bot.Admin.Logging;

namespace KetamineFaqBot.Bot.Admin;

/// <summary>Lets an admin request through only with the configured key (see <see cref="AdminKey"/>).</summary>
public sealed class AdminKeyFilter(AdminKey key, ILogger<AdminKeyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var presented = key.Check(context.HttpContext.Request);
        if (presented != AdminKeyPresented.Right)
        {
            AdminLog.Unauthorized(logger, context.HttpContext.Request.Path, presented == AdminKeyPresented.Missing ? "missing" : "wrong");
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Admin key missing or wrong",
                detail: $"Send the key from Admin:ApiKey as 'Authorization: Bearer <key>' or '{AdminKey.HeaderName}: <key>'.");
        }

        return await next(context);
    }
}
