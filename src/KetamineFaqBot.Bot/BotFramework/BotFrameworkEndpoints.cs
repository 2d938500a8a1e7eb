using KetamineFaqBot.Bot.BotFramework.Logging;
using KetamineFaqBot.Bot.Hosting;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Bot.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>POST /api/messages: the Azure Bot Service (Teams) endpoint.</summary>
public static class BotFrameworkEndpoints
{
    public const string RateLimiterKey = "botframework";

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", PostActivityAsync);
        return app;
    }

    private static async Task<IResult> PostActivityAsync(
        HttpRequest request, IInboundAuthenticator authenticator, IConnectorClient connector, TurnDispatcher queue, TurnProcessor processor,
        [FromKeyedServices(RateLimiterKey)] ConversationRateLimiter rateLimiter, IOptions<BotOptions> options, ILogger<TurnDispatcher> logger,
        CancellationToken cancellationToken)
    {
        var (activity, error) = await ActivityBodyReader.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var conversationId = activity!.Conversation?.Id;
        if (string.IsNullOrWhiteSpace(conversationId))
        {
            return TypedResults.Problem("The activity has no conversation id.", statusCode: StatusCodes.Status400BadRequest, title: "Missing conversation");
        }

        if (!ConversationIdCheck.IsAcceptable(conversationId))
        {
            return ConversationIdCheck.Rejected();
        }

        var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, activity, cancellationToken);
        if (!auth.IsAuthenticated)
        {
            BotFrameworkLog.Unauthenticated(logger, auth.FailureReason);
            return TypedResults.Unauthorized();
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            return TypedResults.Problem("The activity has no valid serviceUrl.", statusCode: StatusCodes.Status400BadRequest, title: "Missing serviceUrl");
        }

        var sender = new ConnectorActivitySender(connector, serviceUrl, conversationId, TimeSpan.FromMilliseconds(options.Value.TypingDelayMilliseconds));
        if (activity.Type == ActivityTypes.Invoke)
        {
            // Invokes answer synchronously: the HTTP response is the invoke response.
            var result = await processor.ProcessAsync(activity, sender, cancellationToken);
            return result.Body is null ? TypedResults.StatusCode(result.StatusCode) : TypedResults.Json(result.Body, ProtocolJson.Options, statusCode: result.StatusCode);
        }

        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.Event))
        {
            return TypedResults.Ok();
        }

        if (activity.Type == ActivityTypes.Message && !rateLimiter.TryAcquire(conversationId, out var retryAfter))
        {
            BotFrameworkLog.RateLimited(logger, conversationId);
            RetryAfterHeader.Set(request.HttpContext.Response, retryAfter);
            return TypedResults.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        // Acknowledge at once and answer in the background: ABS gives up on a bot after 10–15 s.
        if (!await queue.EnqueueAsync(new TurnWorkItem(activity, sender), cancellationToken))
        {
            BotFrameworkLog.QueueFull(logger, conversationId);
            RetryAfterHeader.Set(request.HttpContext.Response, TimeSpan.FromSeconds(RetryAfterHeader.BusySeconds));
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }
}
