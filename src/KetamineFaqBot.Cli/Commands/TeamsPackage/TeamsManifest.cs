using System.Text.Json;
using System.Text.Json.Nodes;

namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>
/// The Teams app manifest: the template read from disk, then filled with the app id, the bot id, the bot's domain
/// and, when given, the app's short name. Everything else (developer, names, descriptions, commands) stays as the
/// operator wrote it in the template.
/// </summary>
public sealed class TeamsManifest
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    private TeamsManifest(JsonObject root) => Root = root;

    /// <summary>The manifest as JSON, for the rules to read.</summary>
    public JsonObject Root { get; }

    /// <exception cref="InvalidDataException">The file is not a JSON object.</exception>
    public static TeamsManifest Load(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) is JsonObject root
                ? new TeamsManifest(root)
                : throw new InvalidDataException($"'{path}' is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Sets the app id, every bot's id, the bot's domain first in validDomains and, when given, name.short.</summary>
    public void Fill(TeamsPackageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Root["id"] = settings.AppId;
        if (Root["bots"] is JsonArray bots)
        {
            foreach (var bot in bots.OfType<JsonObject>())
            {
                bot["botId"] = settings.BotId;
            }
        }

        // The template's {{BOT_DOMAIN}} stands for the bot's domain; any other domain the operator listed is kept.
        var domains = new JsonArray(settings.BotDomain);
        if (Root["validDomains"] is JsonArray listed)
        {
            foreach (var domain in listed.Select(d => d?.GetValueKind() == JsonValueKind.String ? d.GetValue<string>() : null))
            {
                if (domain is not null && domain != settings.BotDomain && !Placeholders.Contains(domain))
                {
                    domains.Add(domain);
                }
            }
        }

        Root["validDomains"] = domains;
        if (settings.ShortName is { } shortName)
        {
            var name = Root["name"] as JsonObject ?? [];
            name["short"] = shortName;
            Root["name"] = name;
        }
    }

    /// <summary>Every command of every bot's command lists, with the field it sits in.</summary>
    public IReadOnlyList<ManifestCommand> Commands()
    {
        var commands = new List<ManifestCommand>();
        foreach (var (bot, b) in Items(Root["bots"]))
        {
            foreach (var (list, l) in Items(bot["commandLists"]))
            {
                foreach (var (command, c) in Items(list["commands"]))
                {
                    commands.Add(new ManifestCommand(
                        $"bots[{b}].commandLists[{l}].commands[{c}]",
                        Text(command["title"]) ?? string.Empty,
                        Text(command["description"]) ?? string.Empty));
                }
            }
        }

        return commands;
    }

    public string ToJson() => Root.ToJsonString(WriteOptions);

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    internal static IEnumerable<(JsonObject Item, int Index)> Items(JsonNode? array) =>
        array is JsonArray items
            ? items.Select((item, index) => (item as JsonObject, index)).Where(p => p.Item1 is not null).Select(p => (p.Item1!, p.index))
            : [];
}
