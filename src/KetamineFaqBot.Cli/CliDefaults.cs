namespace KetamineFaqBot.Cli;

/// <summary>Default locations, relative to the working directory; the bot uses the same ones.</summary>
public static class CliDefaults
{
    public const string CorpusFolder = "corpus";

    public const string IndexRoot = "data/index";

    public const string PromptsFolder = "prompts";

    /// <summary>The bot's SQLite store (Storage:ConnectionString default).</summary>
    public const string StoreFile = "data/ketaminefaqbot.db";

    /// <summary>The Teams app manifest template that <c>kfaq teams-package</c> fills.</summary>
    public const string TeamsManifest = "src/KetamineFaqBot.Bot/teams/manifest.json";

    /// <summary>The Teams app package <c>kfaq teams-package</c> writes.</summary>
    public const string TeamsPackage = "teams-app.zip";
}
