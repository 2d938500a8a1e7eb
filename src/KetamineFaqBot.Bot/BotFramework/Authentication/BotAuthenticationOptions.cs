using System.ComponentModel.DataAnnotations;

namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>
/// Bot Framework credentials and token-validation settings, bound from the <c>Bot</c> section: the only type that
/// reads the registration's password, app type and tenant id, and the one that says where replies may go (in both
/// modes). Cross-field rules (tenant id for SingleTenant, allowlist and port syntax, https metadata) live in <see cref="BotAuthenticationOptionsValidator"/>.
/// </summary>
public sealed class BotAuthenticationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot";

    /// <summary>
    /// Hosts used when <see cref="AllowedServiceUrlHosts"/> is empty. A configured list replaces these
    /// (configuration binding would otherwise append to a pre-filled list).
    /// </summary>
    public static IReadOnlyList<string> DefaultAllowedServiceUrlHosts { get; } =
    [
        // SAFETY: exact host only. *.trafficmanager.net is a namespace any Azure customer can register.
        "smba.trafficmanager.net",
        "*.botframework.com",
        "*.botframework.us",
        "*.botframework.azure.us",
        // Teams in the US government clouds (GCC, GCC High, DoD).
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>
    /// Loopback ports a reply may go to in anonymous mode, used when <see cref="AllowedLoopbackReplyPorts"/> is empty.
    /// The Bot Framework Emulator (v4) serves its connector on <c>http://localhost:{port}</c> with a port the operating
    /// system assigns afresh at every start, from its ephemeral range: 49152–65535 on Windows and macOS, 32768–60999 on
    /// Linux. The default covers those ranges and nothing below them, where local services listen on fixed ports.
    /// </summary>
    public static IReadOnlyList<string> DefaultAllowedLoopbackReplyPorts { get; } = ["32768-65535"];

    /// <summary>The bot's Microsoft app id. Empty means anonymous mode (local development only).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret for MultiTenant and SingleTenant registrations.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Registration type; decides the outbound credential only. MultiTenant when unset, as in the Bot Framework SDK.</summary>
    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.MultiTenant;

    /// <summary>Tenant id (GUID or verified domain); required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata for tokens issued by Azure Bot Service channels.</summary>
    [Required]
    public Uri ChannelOpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>OpenID metadata for tokens issued by Entra ID (the Bot Framework Emulator path).</summary>
    [Required]
    public Uri EmulatorOpenIdMetadataUrl { get; set; } = new("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration");

    /// <summary>The only issuer accepted on the channel path.</summary>
    [Required]
    public string ChannelIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>
    /// Whether tokens from the Entra ID issuers (Bot Framework Emulator path) are accepted. The SDK always accepts
    /// them; turn off in production to narrow the inbound surface to channel-issued tokens.
    /// </summary>
    public bool AcceptEmulatorTokens { get; set; } = true;

    /// <summary>Endorsements every channel signing key must carry in addition to the activity's channel id.</summary>
    public IList<string> RequiredEndorsements { get; } = new List<string>();

    /// <summary>
    /// Hosts a reply may be sent to: exact host names or <c>*.suffix</c> wildcards. Empty means
    /// <see cref="DefaultAllowedServiceUrlHosts"/>.
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; } = new List<string>();

    /// <summary>
    /// Anonymous mode only: the ports a loopback serviceUrl may name, each a port (<c>3978</c>) or an inclusive range
    /// (<c>49152-65535</c>). Empty means <see cref="DefaultAllowedLoopbackReplyPorts"/>.
    /// </summary>
    public IList<string> AllowedLoopbackReplyPorts { get; } = new List<string>();

    /// <summary>Clock skew tolerated on token lifetimes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:15:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Entra ID login host used for outbound tokens (the US Government cloud uses login.microsoftonline.us).</summary>
    [Required]
    public Uri AuthorityHost { get; set; } = new("https://login.microsoftonline.com");

    /// <summary>Resource of the outbound token; MSAL requests <c>{resource}/.default</c>.</summary>
    [Required]
    public string OutboundOAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>True when no app id is configured: no inbound JWT is required and no outbound token is sent.</summary>
    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The allowlist in force: the configured hosts, or the defaults when none are configured.</summary>
    public IReadOnlyList<string> EffectiveAllowedServiceUrlHosts =>
        AllowedServiceUrlHosts.Count == 0 ? DefaultAllowedServiceUrlHosts : [.. AllowedServiceUrlHosts];

    /// <summary>The loopback reply ports in force: the configured entries, or the defaults when none are configured.</summary>
    public IReadOnlyList<string> EffectiveAllowedLoopbackReplyPorts =>
        AllowedLoopbackReplyPorts.Count == 0 ? DefaultAllowedLoopbackReplyPorts : [.. AllowedLoopbackReplyPorts];
}
