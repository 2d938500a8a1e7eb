using System.Security.Cryptography;
using System.Text;
using KetamineFaqBot.Bot.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>Decides what a Direct Line caller may do: bad, expired or foreign tokens get 403, unknown conversations 404.</summary>
public sealed class DirectLineAuthorizer(DirectLineTokenService tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
{
    /// <summary>True when opening a conversation needs neither the secret nor a token.</summary>
    public bool OpenWithoutCredentials => options.Value.AllowAnonymous || string.IsNullOrEmpty(options.Value.Secret);

    public static string? BearerOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public bool IsSecret(string? bearer)
    {
        var secret = options.Value.Secret;
        return !string.IsNullOrEmpty(secret) && bearer is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), Encoding.UTF8.GetBytes(secret));
    }

    public Task<DirectLineTokenClaims?> ValidateAsync(string? token) => tokens.ValidateAsync(token);

    /// <summary>Claims for a call on <paramref name="conversationId"/>, or the error to answer.</summary>
    /// <param name="checkConversation">
    /// False when the caller's next store call reports an unknown conversation itself (reading or appending to the
    /// log), so the store is asked once per request instead of twice.
    /// </param>
    public async Task<(DirectLineTokenClaims? Claims, IResult? Error)> AuthorizeAsync(
        string? bearer, string conversationId, bool checkConversation = true, CancellationToken cancellationToken = default)
    {
        DirectLineTokenClaims? claims;
        if (IsSecret(bearer))
        {
            // The secret is the bot owner's master key: it may act in any conversation.
            claims = new DirectLineTokenClaims(conversationId, "dl_secret");
        }
        else
        {
            claims = await tokens.ValidateAsync(bearer);
            if (claims is null || !string.Equals(claims.ConversationId, conversationId, StringComparison.Ordinal))
            {
                return (null, Forbidden());
            }
        }

        if (checkConversation && !await conversations.Store.ExistsAsync(conversationId, cancellationToken))
        {
            return (null, UnknownConversation());
        }

        return (claims, null);
    }

    public static IResult UnknownConversation() =>
        TypedResults.Problem("Unknown conversation.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Forbidden() =>
        TypedResults.Problem("The token is missing, invalid, expired or for another conversation.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}
