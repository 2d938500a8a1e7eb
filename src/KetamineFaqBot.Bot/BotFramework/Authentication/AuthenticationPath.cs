namespace KetamineFaqBot.Bot.BotFramework.Authentication;

/// <summary>Which validation path an inbound request took.</summary>
public enum AuthenticationPath
{
    /// <summary>No path was chosen (the request was rejected before reading the token).</summary>
    None = 0,

    /// <summary>No app id configured and no Authorization header: anonymous local development.</summary>
    Anonymous,

    /// <summary>Token issued by Azure Bot Service (<c>https://api.botframework.com</c>).</summary>
    Channel,

    /// <summary>Token issued by Entra ID, as the Bot Framework Emulator sends.</summary>
    Emulator,
}
