using System.Security.Claims;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>Result of <see cref="BotFrameworkTokenValidator.ValidateAsync"/>. Never carries the raw token.</summary>
public sealed record TokenValidationOutcome
{
    private static readonly ClaimsIdentity AnonymousIdentity = new();

    private TokenValidationOutcome()
    {
    }

    /// <summary>True when the request may be processed (a valid token, or anonymous mode without a header).</summary>
    public bool IsAuthenticated => Failure == TokenValidationFailure.None;

    /// <summary>True for anonymous mode: no app id configured and no header sent.</summary>
    public bool IsAnonymous => Path == AuthenticationPath.Anonymous;

    /// <summary>The reason for rejection, or <see cref="TokenValidationFailure.None"/>.</summary>
    public TokenValidationFailure Failure { get; private init; }

    /// <summary>The path the token took (None when rejected before it was read).</summary>
    public AuthenticationPath Path { get; private init; }

    /// <summary><c>urn:botframework:azure</c> for validated tokens; null when anonymous or rejected.</summary>
    public string? CallerId { get; private init; }

    /// <summary>The validated claims; an unauthenticated empty identity when anonymous; null when rejected.</summary>
    public ClaimsIdentity? Identity { get; private init; }

    /// <summary>A validated token's outcome.</summary>
    public static TokenValidationOutcome Success(AuthenticationPath path, string callerId, ClaimsIdentity identity) =>
        new() { Path = path, CallerId = callerId, Identity = identity };

    /// <summary>The outcome for anonymous mode.</summary>
    public static TokenValidationOutcome Anonymous() =>
        new() { Path = AuthenticationPath.Anonymous, Identity = AnonymousIdentity };

    /// <summary>A rejection.</summary>
    public static TokenValidationOutcome Rejected(TokenValidationFailure failure, AuthenticationPath path = AuthenticationPath.None)
    {
        if (failure == TokenValidationFailure.None)
        {
            throw new ArgumentOutOfRangeException(nameof(failure), "A rejection needs a reason.");
        }

        return new() { Failure = failure, Path = path };
    }
}
