using System.Globalization;
using KetamineFaqBot.Bot.DirectLine.Logging;
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

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>Direct Line 3.0 as botframework-directlinejs 0.15 uses it, hosted by the bot itself.</summary>
public static class DirectLineEndpoints
{
    public const string OpenRateLimitPolicy = "directline-open";
    public const string CorsPolicy = "directline";
    public const string RateLimiterKey = "directline";

    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline");
        group.AddEndpointFilter(ConversationIdCheck.RouteFilterAsync);
        if (app.ServiceProvider.GetRequiredService<IOptions<DirectLineOptions>>().Value.AllowedOrigins.Count > 0)
        {
            group.RequireCors(CorsPolicy);
        }

        group.MapDirectLineTokens();
        group.MapPost("/conversations", StartAsync).RequireRateLimiting(OpenRateLimitPolicy);
        group.MapGet("/conversations/{conversationId}", GetConversationAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStreamEndpoint.AcceptAsync);
        return group;
    }

    private static async Task<IResult> StartAsync(
        HttpRequest request, DirectLineAuthorizer authorizer, DirectLineTokenService tokens, DirectLineConversations conversations,
        TurnDispatcher queue, StreamUrlBuilder streamUrls, IOptions<WebChatOptions> webChat, IOptions<BotOptions> botOptions, ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var bearer = DirectLineAuthorizer.BearerOf(request);
        var body = await DirectLineRequests.ReadTokenRequestAsync(request, cancellationToken);
        string conversationId;
        string userId;
        if (bearer is not null && !authorizer.IsSecret(bearer))
        {
            // PROTOCOL: Direct Line JS posts here at every connect, with the token the page already holds: the same
            // conversation comes back (200), or starts now if the token came from tokens/generate (201).
            var claims = await authorizer.ValidateAsync(bearer);
            if (claims is null)
            {
                return DirectLineAuthorizer.Forbidden();
            }

            (conversationId, userId) = (claims.ConversationId, claims.UserId);
        }
        else if (bearer is null && !authorizer.OpenWithoutCredentials)
        {
            return DirectLineAuthorizer.Forbidden();
        }
        else
        {
            (conversationId, userId) = (DirectLineRequests.NewConversationId(), DirectLineRequests.UserIdFrom(body));
        }

        var created = await conversations.Store.CreateConversationAsync(conversationId, cancellationToken);
        if (created)
        {
            var locale = string.IsNullOrWhiteSpace(body?.Locale) ? webChat.Value.Locale : body.Locale;
            // The client's choice of user name is not kept: it could pass for the bot's.
            var user = new ChannelAccount { Id = userId, Role = "user" };
            var update = new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                ChannelId = ChannelIds.DirectLine,
                Conversation = new ConversationAccount { Id = conversationId },
                From = user,
                Recipient = conversations.BotAccount,
                MembersAdded = [conversations.BotAccount, user],
                Locale = locale,
            };
            // A welcome that finds no room within the wait is skipped: the conversation itself works without it.
            await queue.EnqueueAsync(new TurnWorkItem(update, new DirectLineActivitySender(conversations, conversationId, TypingDelay(botOptions))), cancellationToken);
            var logger = loggerFactory.CreateLogger(typeof(DirectLineEndpoints));
            DirectLineLog.Started(logger, conversationId);
        }

        var token = tokens.Issue(conversationId, userId);
        var response = new ConversationResponse(conversationId, token.Token, token.ExpiresInSeconds, streamUrls.For(request, conversationId, token.Token));
        return created ? TypedResults.Created((string?)null, response) : TypedResults.Ok(response);
    }

    private static async Task<IResult> GetConversationAsync(
        string conversationId, HttpRequest request, DirectLineAuthorizer authorizer, StreamUrlBuilder streamUrls, CancellationToken cancellationToken)
    {
        var bearer = DirectLineAuthorizer.BearerOf(request);
        var (_, error) = await authorizer.AuthorizeAsync(bearer, conversationId, cancellationToken: cancellationToken);
        return error ?? TypedResults.Ok(new ConversationResponse(conversationId, bearer!, 0, streamUrls.For(request, conversationId, bearer!)));
    }

    private static async Task<IResult> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineAuthorizer authorizer, DirectLineConversations conversations,
        IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (_, error) = await authorizer.AuthorizeAsync(DirectLineAuthorizer.BearerOf(request), conversationId, checkConversation: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var page = await conversations.Store.GetStoredAfterAsync(conversationId, DirectLineRequests.ParseWatermark(watermark), options.Value.PageSize, cancellationToken);
        return page is null ? DirectLineAuthorizer.UnknownConversation() : new StoredActivitySet(conversationId, page);
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineAuthorizer authorizer, DirectLineConversations conversations, TurnDispatcher queue,
        [FromKeyedServices(RateLimiterKey)] ConversationRateLimiter rateLimiter, IOptions<BotOptions> botOptions, IOptions<DirectLineOptions> options,
        ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var (claims, error) = await authorizer.AuthorizeAsync(DirectLineAuthorizer.BearerOf(request), conversationId, checkConversation: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (activity, readError) = await ActivityBodyReader.ReadAsync(request, botOptions.Value.MaxRequestBodyBytes, cancellationToken);
        if (readError is not null)
        {
            return readError;
        }

        // Every type counts, typing in a budget of its own so an eager typing indicator never uses up the messages'.
        var typing = activity!.Type == ActivityTypes.Typing;
        if (!rateLimiter.TryAcquire(typing ? "typing:" + conversationId : conversationId, out var retryAfter))
        {
            return RetryAfterHeader.TooManyRequests(request.HttpContext.Response, "Too many activities in this conversation; wait a minute.", retryAfter);
        }

        var posted = InboundActivity.From(activity, conversationId, claims!.UserId, conversations.BotAccount, options.Value.MaxStoredTextLength);

        // Refused before it is logged: a message the user sees in the transcript is always answered.
        if (!typing && !await queue.WaitForRoomAsync(conversationId, cancellationToken))
        {
            var logger = loggerFactory.CreateLogger(typeof(DirectLineEndpoints));
            DirectLineLog.QueueFull(logger, conversationId);
            return RetryAfterHeader.Busy(request.HttpContext.Response, "The bot is busy; try again shortly.");
        }

        var id = await conversations.AppendPostedAsync(conversationId, posted, cancellationToken);
        if (id is null)
        {
            return DirectLineAuthorizer.UnknownConversation();
        }

        if (!typing)
        {
            await queue.EnqueueOwedAsync(new TurnWorkItem(posted.Handled, new DirectLineActivitySender(conversations, conversationId, TypingDelay(botOptions))));
        }

        return TypedResults.Ok(new ResourceResponse(id));
    }

    /// <summary>Typing only for answers slower than Bot:TypingDelayMilliseconds.</summary>
    private static TimeSpan TypingDelay(IOptions<BotOptions> options) => TimeSpan.FromMilliseconds(options.Value.TypingDelayMilliseconds);
}
