namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>Outcome of inbound authentication. A failure is answered with 401 and the activity is dropped.</summary>
/// <param name="IsAuthenticated">True when the request may be processed.</param>
/// <param name="CallerId">Who called, e.g. urn:botframework:azure, or null in anonymous mode.</param>
/// <param name="FailureReason">Why it was refused (logged; never sent to the caller).</param>
public sealed record InboundAuthResult(bool IsAuthenticated, string? CallerId = null, string? FailureReason = null)
{
    public static InboundAuthResult Success(string? callerId = null) => new(true, callerId);

    public static InboundAuthResult Failure(string reason) => new(false, null, reason);
}
