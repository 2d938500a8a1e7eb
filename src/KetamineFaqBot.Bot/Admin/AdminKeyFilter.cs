using System.Security.Cryptography;
using System.Text;
using KetamineFaqBot.Bot.Admin.Logging;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Admin;

/// <summary>
/// Lets an admin request through only with the configured key, as a bearer token or an X-Api-Key header. The
/// comparison is over fixed-length hashes in constant time, so timing says nothing about how much of a guess matched.
/// </summary>
public sealed class AdminKeyFilter(IOptions<AdminOptions> options, ILogger<AdminKeyFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[] expected = Hash(options.Value.ApiKey ?? string.Empty);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var presented = Presented(context.HttpContext.Request);
        if (presented is null || !CryptographicOperations.FixedTimeEquals(Hash(presented), expected))
        {
            AdminLog.Unauthorized(logger, context.HttpContext.Request.Path, presented is null ? "missing" : "wrong");
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Admin key missing or wrong",
                detail: $"Send the key from Admin:ApiKey as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'.");
        }

        return await next(context);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var apiKey) && !string.IsNullOrEmpty(apiKey.ToString()))
        {
            return apiKey.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && authorization.Length > scheme.Length
            ? authorization[scheme.Length..].Trim()
            : null;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
