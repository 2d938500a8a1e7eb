using System.Text.Json.Nodes;
using KetamineFaqBot.Cli.Commands.TeamsPackage;
using KetamineFaqBot.Cli.Tests.TestSupport;

namespace KetamineFaqBot.Cli.Tests.Commands.TeamsPackage;

/// <summary>The shipped manifest template, with the clinic's details filled in as the README tells the operator to.</summary>
internal static class ShippedManifest
{
    public const string AppId = "6f1c2b7e-3d4a-4e5f-9a8b-1c2d3e4f5a6b";
    public const string BotDomain = "bot.clinic.example";

    public static string Path => RepositoryRoot.Path(CliDefaults.TeamsManifest.Split('/'));

    /// <summary>The template text with {{CLINIC_NAME}} and {{CLINIC_DOMAIN}} replaced.</summary>
    public static string EditedText() => File.ReadAllText(Path)
        .Replace("{{CLINIC_NAME}}", "Lakeside Clinic", StringComparison.Ordinal)
        .Replace("{{CLINIC_DOMAIN}}", "lakeside.example", StringComparison.Ordinal);

    /// <summary>The edited template, filled as kfaq teams-package fills it.</summary>
    public static JsonObject Filled()
    {
        var folder = Directory.CreateTempSubdirectory("kfaq-manifest-").FullName;
        try
        {
            var file = System.IO.Path.Combine(folder, "manifest.json");
            File.WriteAllText(file, EditedText());
            var manifest = TeamsManifest.Load(file);
            manifest.Fill(new TeamsPackageSettings(AppId, AppId, BotDomain, null));
            return manifest.Root;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
