using System.Globalization;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>Cross-field checks on <see cref="BotAuthenticationOptions"/>, run at start-up.</summary>
public sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Without an app id the credentials, metadata and token settings are unused, so they are not checked; where
        // replies may go matters in both modes.
        IReadOnlyList<string> errors = options.IsAuthenticationDisabled ? GetReplyDestinationErrors(options) : GetErrors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem with <paramref name="options"/>, as messages naming the configuration keys.</summary>
    public static IReadOnlyList<string> GetErrors(BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        string prefix = BotAuthenticationOptions.SectionName + ":";

        bool hasAppId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        bool hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        bool hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        switch (options.MicrosoftAppType)
        {
            case MicrosoftAppType.MultiTenant:
                if (hasAppId && !hasPassword)
                {
                    errors.Add($"{prefix}MicrosoftAppPassword is required when {prefix}MicrosoftAppId is set and {prefix}MicrosoftAppType is MultiTenant.");
                }

                break;
            case MicrosoftAppType.SingleTenant:
                if (!hasAppId)
                {
                    errors.Add($"{prefix}MicrosoftAppId is required when {prefix}MicrosoftAppType is SingleTenant.");
                }

                if (!hasPassword)
                {
                    errors.Add($"{prefix}MicrosoftAppPassword is required when {prefix}MicrosoftAppType is SingleTenant.");
                }

                if (!hasTenant)
                {
                    errors.Add($"{prefix}MicrosoftAppTenantId is required when {prefix}MicrosoftAppType is SingleTenant.");
                }

                break;
            case MicrosoftAppType.UserAssignedMSI:
                if (!hasAppId)
                {
                    errors.Add($"{prefix}MicrosoftAppId (the managed identity's client id) is required when {prefix}MicrosoftAppType is UserAssignedMSI.");
                }

                if (!hasTenant)
                {
                    errors.Add($"{prefix}MicrosoftAppTenantId is required when {prefix}MicrosoftAppType is UserAssignedMSI.");
                }

                break;
            default:
                errors.Add($"{prefix}MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI.");
                break;
        }

        // SAFETY: the tenant id is placed into the authority URL; only a GUID or a domain name may go there.
        if (hasTenant && !Guid.TryParse(options.MicrosoftAppTenantId, out _)
            && !HostPattern.TryParse(options.MicrosoftAppTenantId, out _, out _))
        {
            errors.Add($"{prefix}MicrosoftAppTenantId must be a GUID or a domain name.");
        }

        CheckMetadataUrl(errors, prefix + "ChannelOpenIdMetadataUrl", options.ChannelOpenIdMetadataUrl);
        CheckMetadataUrl(errors, prefix + "EmulatorOpenIdMetadataUrl", options.EmulatorOpenIdMetadataUrl);
        CheckMetadataUrl(errors, prefix + "AuthorityHost", options.AuthorityHost);

        if (string.IsNullOrWhiteSpace(options.ChannelIssuer))
        {
            errors.Add($"{prefix}ChannelIssuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.OutboundOAuthScope))
        {
            errors.Add($"{prefix}OutboundOAuthScope must not be empty.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(15))
        {
            errors.Add($"{prefix}ClockSkew must be between 0 and 15 minutes.");
        }

        foreach (string endorsement in options.RequiredEndorsements)
        {
            if (string.IsNullOrWhiteSpace(endorsement))
            {
                errors.Add($"{prefix}RequiredEndorsements must not contain empty entries.");
            }
        }

        errors.AddRange(GetReplyDestinationErrors(options));
        return errors;
    }

    /// <summary>Problems with the settings that decide where replies may go: the host allowlist and the loopback reply ports.</summary>
    public static IReadOnlyList<string> GetReplyDestinationErrors(BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        string prefix = BotAuthenticationOptions.SectionName + ":";

        foreach (string entry in options.AllowedServiceUrlHosts)
        {
            if (!HostPattern.TryParse(entry, out _, out string? error))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}AllowedServiceUrlHosts: {error}"));
            }
        }

        foreach (string entry in options.AllowedLoopbackReplyPorts)
        {
            if (!PortRange.TryParse(entry, out _, out string? error))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}AllowedLoopbackReplyPorts: {error}"));
            }
        }

        return errors;
    }

    private static void CheckMetadataUrl(List<string> errors, string key, Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            errors.Add($"{key} must be an absolute URL.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        {
            // SAFETY: keys fetched over plain http could be swapped in transit; only loopback test servers are exempt.
            errors.Add($"{key} must use https (http is accepted only for loopback test servers).");
        }
    }
}
