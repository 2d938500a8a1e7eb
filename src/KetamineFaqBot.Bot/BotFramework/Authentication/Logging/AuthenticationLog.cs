using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.BotFramework.Authentication.Logging;

/// <summary>
/// Source-generated log messages for Bot Framework authentication (event ids 4100–4149).
/// Reasons, paths, channel ids, hosts and ports only: never tokens, secrets or message text.
/// </summary>
internal static partial class AuthenticationLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Inbound Bot Framework token accepted on the {Path} path for channel {ChannelId}.")]
    public static partial void InboundTokenAccepted(ILogger logger, AuthenticationPath path, string channelId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Inbound Bot Framework request rejected: {Reason} (path {Path}, channel {ChannelId}).")]
    public static partial void InboundTokenRejected(ILogger logger, TokenValidationFailure reason, AuthenticationPath path, string channelId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Anonymous Bot Framework request accepted: no app id is configured.")]
    public static partial void AnonymousRequestAccepted(ILogger logger);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Signing key id unknown; refreshing OpenID metadata from {MetadataUrl}.")]
    public static partial void MetadataRefreshForUnknownKey(ILogger logger, Uri metadataUrl);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Refreshing OpenID metadata from {MetadataUrl} failed; keeping the cached keys.")]
    public static partial void MetadataRefreshFailed(ILogger logger, Uri metadataUrl, Exception exception);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "OpenID metadata from {MetadataUrl} is unavailable; inbound tokens cannot be validated.")]
    public static partial void MetadataUnavailable(ILogger logger, Uri metadataUrl, Exception exception);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Debug, Message = "Outbound token acquired with credential {Kind}; expires {ExpiresOn}.")]
    public static partial void OutboundTokenAcquired(ILogger logger, OutboundCredentialKind kind, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Error, Message = "Outbound token request with credential {Kind} failed: {ErrorCode}.")]
    public static partial void OutboundTokenFailed(ILogger logger, OutboundCredentialKind kind, string errorCode);

    [LoggerMessage(EventId = 4130, Level = LogLevel.Warning, Message = "Reply refused: serviceUrl {Verdict} (host {Host}, port {Port}).")]
    public static partial void ServiceUrlRefused(ILogger logger, ServiceUrlVerdict verdict, string? host, int? port);
}
