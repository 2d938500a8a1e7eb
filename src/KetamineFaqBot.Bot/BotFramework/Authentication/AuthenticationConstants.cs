namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>Protocol constants from botbuilder-dotnet's AuthenticationConstants (protocol digest §3).</summary>
internal static class AuthenticationConstants
{
    public const string CallerIdAzure = "urn:botframework:azure";
    public const string MultiTenantAuthority = "botframework.com";

    public const string AudienceClaim = "aud";
    public const string ServiceUrlClaim = "serviceurl";
    public const string VersionClaim = "ver";
    public const string AppIdClaim = "appid";
    public const string AuthorizedPartyClaim = "azp";
    public const string TenantIdClaim = "tid";

    /// <summary>Issuers of Emulator tokens (public cloud tenants d6d4…, f8cd…, and the US Government tenant).</summary>
    public static readonly IReadOnlyList<string> EmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    /// <summary>The only signing algorithms the SDK accepts.</summary>
    public static readonly IReadOnlyList<string> AllowedSigningAlgorithms = ["RS256", "RS384", "RS512"];
}
