using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>POST tokens/generate (a token for a conversation not yet started) and POST tokens/refresh.</summary>
public static class DirectLineTokenEndpoints
{
    public static RouteGroupBuilder MapDirectLineTokens(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/tokens/generate", GenerateAsync).RequireRateLimiting(DirectLineEndpoints.OpenRateLimitPolicy);
        group.MapPost("/tokens/refresh", RefreshAsync);
        return group;
    }

    private static async Task<IResult> GenerateAsync(HttpRequest request, DirectLineAuthorizer authorizer, DirectLineTokenService tokens, CancellationToken cancellationToken)
    {
        if (!authorizer.OpenWithoutCredentials && !authorizer.IsSecret(DirectLineAuthorizer.BearerOf(request)))
        {
            return DirectLineAuthorizer.Forbidden();
        }

        var body = await DirectLineRequests.ReadTokenRequestAsync(request, cancellationToken);
        var conversationId = DirectLineRequests.NewConversationId();
        var token = tokens.Issue(conversationId, DirectLineRequests.UserIdFrom(body));
        return TypedResults.Ok(new ConversationResponse(conversationId, token.Token, token.ExpiresInSeconds, null));
    }

    private static async Task<IResult> RefreshAsync(HttpRequest request, DirectLineTokenService tokens)
    {
        var claims = await tokens.ValidateAsync(DirectLineAuthorizer.BearerOf(request));
        if (claims is null)
        {
            return DirectLineAuthorizer.Forbidden();
        }

        var token = tokens.Issue(claims.ConversationId, claims.UserId);
        return TypedResults.Ok(new ConversationResponse(claims.ConversationId, token.Token, token.ExpiresInSeconds, null));
    }
}
