using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace KetamineFaqBot.Bot.Hosting;

/// <summary>
/// Every 429 and 503 says when to come back. Refusals that know (a rate limit window) say so exactly; the rest get
/// <see cref="BusySeconds"/> (503) or <see cref="RateLimitedSeconds"/> (429) from the last-chance hook in
/// <see cref="UseRetryAfterOnRefusals"/>, so no endpoint can forget it.
/// </summary>
public static class RetryAfterHeader
{
    /// <summary>A busy queue or an absent store: the Redis connection retries every half second, the queue drains in seconds.</summary>
    public const int BusySeconds = 5;

    /// <summary>The rate limits count per minute.</summary>
    public const int RateLimitedSeconds = 60;

    public static IResult TooManyRequests(HttpResponse response, string detail, TimeSpan retryAfter)
    {
        Set(response, retryAfter);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
    }

    public static IResult Busy(HttpResponse response, string detail)
    {
        Set(response, TimeSpan.FromSeconds(BusySeconds));
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
    }

    public static void Set(HttpResponse response, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The ASP.NET Core rate limiter's refusals carry the window's own retry-after.</summary>
    public static ValueTask OnRateLimited(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        Set(context.HttpContext.Response, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(RateLimitedSeconds));
        return ValueTask.CompletedTask;
    }

    /// <summary>Adds the header to any 429 or 503 that leaves without one.</summary>
    public static IApplicationBuilder UseRetryAfterOnRefusals(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                if (response.StatusCode is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
                    && !response.Headers.ContainsKey(HeaderNames.RetryAfter))
                {
                    Set(response, TimeSpan.FromSeconds(response.StatusCode == StatusCodes.Status429TooManyRequests ? RateLimitedSeconds : BusySeconds));
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
    }
}
