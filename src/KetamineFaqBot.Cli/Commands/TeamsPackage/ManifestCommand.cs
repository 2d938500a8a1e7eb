namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>A bot command the manifest offers in Teams' command menu; its title is sent to the bot as the message.</summary>
public sealed record ManifestCommand(string Field, string Title, string Description);
