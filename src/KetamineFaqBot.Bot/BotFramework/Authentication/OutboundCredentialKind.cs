namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>Which credential <see cref="MsalOutboundTokenSource"/> uses.</summary>
public enum OutboundCredentialKind
{
    /// <summary>Anonymous mode: no app id, no token, no Authorization header on replies.</summary>
    None = 0,

    /// <summary>MSAL confidential client with a client secret (MultiTenant or SingleTenant).</summary>
    ClientSecret,

    /// <summary>MSAL managed identity application, user-assigned (UserAssignedMSI).</summary>
    ManagedIdentity,
}
