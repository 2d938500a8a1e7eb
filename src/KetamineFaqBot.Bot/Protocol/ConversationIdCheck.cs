using Microsoft.AspNetCore.Http;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>
/// A conversation id with control characters (CR/LF, NUL, ESC) or line separators is refused with 400 where it comes
/// in, on /api/messages and Direct Line alike: no channel issues one, and inside the bot it would reach logs, store
/// keys and outbound URLs.
/// </summary>
public static class ConversationIdCheck
{
    public static bool IsAcceptable(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        foreach (var c in conversationId)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return false;
            }
        }

        return true;
    }

    public static IResult Rejected() => TypedResults.Problem(
        "The conversation id contains control characters; no channel sends one like that.",
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid conversation id");

    /// <summary>Refuses a request whose <c>{conversationId}</c> route value has control characters.</summary>
    public static async ValueTask<object?> RouteFilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.HttpContext.Request.RouteValues.TryGetValue("conversationId", out var value) && value is string id && !IsAcceptable(id)
            ? Rejected()
            : await next(context);
    }
}
