namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>What the operator gives <c>kfaq teams-package</c> to fill the manifest template with.</summary>
/// <param name="AppId">The Teams app id (manifest <c>id</c>).</param>
/// <param name="BotId">The Azure Bot's Microsoft app id (<c>bots[].botId</c>).</param>
/// <param name="BotDomain">The host the bot is reached at (first entry of <c>validDomains</c>).</param>
/// <param name="ShortName">The app's name in Teams (<c>name.short</c>); null keeps the template's.</param>
public sealed record TeamsPackageSettings(string AppId, string BotId, string BotDomain, string? ShortName);
