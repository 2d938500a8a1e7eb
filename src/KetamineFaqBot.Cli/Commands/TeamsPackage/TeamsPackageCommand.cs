using System.CommandLine;
using KetamineFaqBot.Answering.ContentGaps;
using KetamineFaqBot.Cli.Commands.Ask;
using KetamineFaqBot.Cli.Composition;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>
/// <c>kfaq teams-package --app-id GUID --bot-domain HOST [--bot-id GUID] [--name NAME] [--manifest FILE] [--output ZIP]</c>:
/// fills the Teams manifest template, checks it against the Teams schema's rules and every command against the bot's
/// answers, draws the two icons and writes the app package to upload to Teams.
/// </summary>
public static class TeamsPackageCommand
{
    public static Command Create() => Create(AnsweringComposition.Default);

    public static Command Create(AnsweringComposition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var appId = new Option<string>("--app-id") { Description = "The Teams app id (a GUID; often the bot's Microsoft app id).", Required = true };
        var botId = new Option<string?>("--bot-id") { Description = "The Azure Bot's Microsoft app id (a GUID); defaults to --app-id." };
        var botDomain = new Option<string>("--bot-domain") { Description = "The bot's public host name, e.g. bot.clinic.example (no https://, no path).", Required = true };
        var name = new Option<string?>("--name") { Description = $"The app's name in Teams (name.short, at most {ManifestRules.MaxShortName} characters); defaults to the template's." };
        var manifest = new Option<string>("--manifest")
        {
            Description = "The manifest template to fill.",
            DefaultValueFactory = _ => CliDefaults.TeamsManifest,
        };
        var output = new Option<string>("--output")
        {
            Description = "Where to write the package: a .zip file, or else a folder to write teams-app.zip in.",
            DefaultValueFactory = _ => CliDefaults.TeamsPackage,
        };
        var index = AskCommand.IndexOption();
        var prompts = AskCommand.PromptsOption();

        var command = new Command("teams-package", "Fill the Teams manifest, check it and its commands, and write the Teams app package (teams-app.zip).")
        {
            appId,
            botId,
            botDomain,
            name,
            manifest,
            output,
            index,
            prompts,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var app = parseResult.GetValue(appId) ?? string.Empty;
            var settings = new TeamsPackageSettings(app, parseResult.GetValue(botId) ?? app, parseResult.GetValue(botDomain) ?? string.Empty, parseResult.GetValue(name));
            return RunAsync(
                composition,
                settings,
                parseResult.GetValue(manifest) ?? CliDefaults.TeamsManifest,
                parseResult.GetValue(output) ?? CliDefaults.TeamsPackage,
                (parseResult.GetValue(index) ?? CliDefaults.IndexRoot, parseResult.GetValue(prompts) ?? CliDefaults.PromptsFolder),
                parseResult.InvocationConfiguration,
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(AnsweringComposition composition, TeamsPackageSettings settings, string template, string output,
        (string Index, string Prompts) answering, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        var error = console.Error;
        TeamsManifest manifest;
        try
        {
            manifest = TeamsManifest.Load(template);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await error.WriteLineAsync($"kfaq teams-package: cannot read the manifest template: {ex.Message}");
            return ExitCodes.Usage;
        }

        manifest.Fill(settings);
        var problems = ManifestRules.Check(manifest.Root);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"kfaq teams-package: {problem}");
            }

            await error.WriteLineAsync($"kfaq teams-package: {problems.Count} manifest rule(s) broken; no package written.");
            return ExitCodes.InvalidManifest;
        }

        var commands = manifest.Commands();
        if (commands.Count > 0)
        {
            IAnswerService answers;
            try
            {
                answers = composition.Build(answering.Index, answering.Prompts, NullContentGapRecorder.Instance);
            }
            catch (CompositionException ex)
            {
                await error.WriteLineAsync($"kfaq teams-package: cannot check the commands against the bot: {ex.Message}");
                return ExitCodes.Usage;
            }

            var unanswered = (await CommandCoverage.RouteAsync(answers, commands, cancellationToken)).Where(r => r.Route != Route.Answer).ToList();
            if (unanswered.Count > 0)
            {
                foreach (var (command, route) in unanswered)
                {
                    await error.WriteLineAsync($"kfaq teams-package: {command.Field}.title: '{command.Title}' gets the route '{route.ToWire()}' from the bot, not 'answer'; offer a command the corpus answers.");
                }

                await error.WriteLineAsync($"kfaq teams-package: {unanswered.Count} of {commands.Count} command(s) not answered; no package written.");
                return ExitCodes.UnansweredCommand;
            }
        }

        // A path not ending in .zip is a folder to write teams-app.zip in, so "--output out" never writes a zip called "out".
        var path = Directory.Exists(output) || !output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? Path.Combine(output, CliDefaults.TeamsPackage)
            : output;
        var accent = Rgb.TryParse(TeamsManifest.Text(manifest.Root["accentColor"]))!;
        TeamsAppPackage.Write(path, manifest.ToJson(), TeamsIcons.Color(accent), TeamsIcons.Outline());
        await console.Output.WriteLineAsync($"Wrote {path} (manifest.json, color.png, outline.png) for {settings.BotDomain}; {commands.Count} command(s) checked, each answered by the bot.");
        await console.Output.WriteLineAsync("Upload it in Teams: Apps > Manage your apps > Upload an app (or through the Teams admin center).");
        return ExitCodes.Ok;
    }
}
