using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Bot.Options;

/// <summary>
/// Host settings of the <c>Bot</c> section: anonymous mode and turn limits. The registration's credentials
/// (<c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c>, <c>MicrosoftAppTenantId</c>) and token validation live in
/// <see cref="BotFramework.Authentication.BotAuthenticationOptions"/>, the one place that reads and checks them.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// Empty means anonymous mode: no inbound JWT, no outbound token, loopback serviceUrls on the allowed reply ports only.
    /// Read here only to decide that mode; <see cref="BotFramework.Authentication.BotAuthenticationOptions"/> binds the
    /// same key and holds the reply ports.
    /// </summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Outside Development the bot refuses to start without an app id unless this is true.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Largest accepted activity body, in bytes (413 above it).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Messages accepted per conversation per minute on /api/messages (429 above it).</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinutePerConversation { get; set; } = 30;

    /// <summary>Turns waiting for an answer, per worker; a message arriving at a full queue waits for room.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>
    /// How long a message arriving at a full turn queue waits for room before it is refused with 503. A burst is
    /// absorbed as a short delay of the acknowledgement; only traffic the workers cannot keep up with is refused.
    /// Well under the channel's 10–15 s limit for the acknowledgement.
    /// </summary>
    [Range(0, 10_000)]
    public int QueueWaitMilliseconds { get; set; } = 2000;

    /// <summary>Background answering workers; one conversation always goes to the same worker so its turns stay in order.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>How long an answer may take on /api/messages before a typing activity is sent.</summary>
    [Range(0, 60_000)]
    public int TypingDelayMilliseconds { get; set; } = 1000;

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
