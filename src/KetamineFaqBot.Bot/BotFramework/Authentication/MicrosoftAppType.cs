namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>How the bot's Azure registration authenticates outbound calls (protocol digest §3.2).</summary>
public enum MicrosoftAppType
{
    /// <summary>Client secret against the botframework.com tenant. New registrations are deprecated after 31 July 2025.</summary>
    MultiTenant = 0,

    /// <summary>Client secret against the bot's own tenant (<c>MicrosoftAppTenantId</c>).</summary>
    SingleTenant = 1,

    /// <summary>User-assigned managed identity whose client id is <c>MicrosoftAppId</c>; no password.</summary>
    UserAssignedMSI = 2,
}
