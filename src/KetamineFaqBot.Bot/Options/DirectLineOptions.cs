using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Bot.Options;

/// <summary>The bot's own Direct Line 3.0 endpoint for the Web Chat page.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// HS256 key (at least 32 characters), an override. Unset (the default): each token's key is sealed by the Data
    /// Protection key ring kept with the store, so tokens outlive a restart and work on every instance.
    /// </summary>
    [MinLength(32)]
    public string? TokenSigningKey { get; set; }

    /// <summary>Token lifetime. Direct Line JS refreshes every 15 minutes whatever this says, so keep it at 30 or more.</summary>
    [Range(30, 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>
    /// Tokens whose validation this instance remembers (by hash, each until the token's own expiry), so Web Chat's
    /// once-a-second polls do not unseal and check the same token again. 0 turns the cache off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    /// <summary>
    /// Conversations whose last sequence number this instance keeps, so a poll already at the end of the log is
    /// answered without reading the store. Only with the SQLite store (one instance); with Redis every poll reads the
    /// store whatever this says. 0 turns it off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int TrackedConversations { get; set; } = 10_000;

    /// <summary>Optional secret. Only enforced when <see cref="AllowAnonymous"/> is false.</summary>
    public string? Secret { get; set; }

    /// <summary>True (default): anyone who can load the page may open a conversation (rate limited per IP).</summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>Conversations or tokens a client IP may open per minute.</summary>
    [Range(1, 100_000)]
    public int ConversationsPerMinutePerIp { get; set; } = 20;

    /// <summary>Activities a conversation may post per minute.</summary>
    [Range(1, 100_000)]
    public int ActivitiesPerMinutePerConversation { get; set; } = 30;

    /// <summary>Extra origins allowed by CORS. Empty: same origin only.</summary>
    public IList<string> AllowedOrigins { get; set; } = [];

    /// <summary>Largest page of activities returned by one GET.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Longest text kept of a client's activity, in characters: the stored copy (redacted) and the echo are cut here.
    /// The answering turn still reads the whole message, up to Bot:MaxRequestBodyBytes.
    /// </summary>
    [Range(100, 20_000)]
    public int MaxStoredTextLength { get; set; } = 2_000;

    /// <summary>
    /// WebSocket streams open at once on one conversation, on this instance, whichever of its tokens opened them (a
    /// token is bound to one conversation, and a refreshed token to the same one). Web Chat needs one; a reconnect
    /// briefly holds two.
    /// </summary>
    [Range(1, 100)]
    public int MaxStreamsPerConversation { get; set; } = 3;

    /// <summary>
    /// The address browsers reach the bot at (https://chat.example.org), used for streamUrl. Unset: the request's
    /// host, when Kestrel's AllowedHosts lets it through, else the host the bot listens on.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Id and name of the bot account on Direct Line activities.</summary>
    [Required]
    public string BotId { get; set; } = "ketaminefaqbot";

    [Required]
    public string BotName { get; set; } = "Ketamine FAQ";
}
