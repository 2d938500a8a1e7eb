using System.Globalization;
using KetamineFaqBot.Bot.Hosting.Logging;
using KetamineFaqBot.Storage.Resilience;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace KetamineFaqBot.Bot.Hosting;

/// <summary>
/// A request that needs the store while it is away (Direct Line reads and posts, opening a conversation, the insights
/// report) gets 503 with <c>Retry-After</c>, never 500: nothing was done, and the client may send it again. Turns on
/// /api/messages do not get here: they are answered without the store (see FaultTolerantConversationStore).
/// </summary>
public sealed class StoreUnavailableExceptionHandler(ILogger<StoreUnavailableExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait; the Redis connection retries every half second.</summary>
    public const int RetryAfterSeconds = RetryAfterHeader.BusySeconds;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!StoreFaults.IsUnavailable(exception) || exception is BadHttpRequestException || httpContext.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        HostLog.StoreUnavailableRequest(logger, httpContext.GetEndpoint()?.DisplayName ?? "(no endpoint)", StoreFaults.Name(exception));
        httpContext.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
                "The bot's store is not answering; nothing was changed. Try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Store unavailable")
            .ExecuteAsync(httpContext);
        return true;
    }
}
