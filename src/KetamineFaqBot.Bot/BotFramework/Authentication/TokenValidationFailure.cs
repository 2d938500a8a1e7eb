namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>Why an inbound Bot Framework request was not authenticated. Safe to log; never contains the token.</summary>
public enum TokenValidationFailure
{
    /// <summary>No failure.</summary>
    None = 0,

    /// <summary>An app id is configured but the request has no Authorization header.</summary>
    NoHeader,

    /// <summary>The header is not exactly <c>Bearer &lt;token&gt;</c>.</summary>
    BadScheme,

    /// <summary>The token is not a readable signed JWT (including encrypted tokens).</summary>
    MalformedToken,

    /// <summary>The token is not signed with RS256, RS384 or RS512.</summary>
    BadAlgorithm,

    /// <summary>The token's key id is not in the metadata, even after one refresh.</summary>
    UnknownSigningKey,

    /// <summary>The signature does not verify against the published keys.</summary>
    BadSignature,

    /// <summary>The token has expired (beyond the clock skew).</summary>
    Expired,

    /// <summary>The token is not yet valid, or carries no usable lifetime.</summary>
    BadLifetime,

    /// <summary>The issuer is not the one accepted on the chosen path.</summary>
    BadIssuer,

    /// <summary>The audience is not the bot's app id (channel path), or the bot has no app id.</summary>
    BadAudience,

    /// <summary>Emulator path: the <c>appid</c> (v1.0) or <c>azp</c> (v2.0) claim is not the bot's app id.</summary>
    BadAppId,

    /// <summary>Emulator path: the <c>ver</c> claim is missing or unknown.</summary>
    BadTokenVersion,

    /// <summary>The activity has a serviceUrl but the token has no <c>serviceurl</c> claim.</summary>
    MissingServiceUrlClaim,

    /// <summary>The token's <c>serviceurl</c> claim differs from the activity's serviceUrl.</summary>
    ServiceUrlMismatch,

    /// <summary>The signing key is not endorsed for the activity's channel (or for a required endorsement).</summary>
    MissingEndorsement,

    /// <summary>The OpenID metadata or keys could not be fetched; not the caller's fault (consider 503).</summary>
    MetadataUnavailable,
}
