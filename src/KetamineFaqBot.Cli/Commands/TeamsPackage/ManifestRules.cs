using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>
/// The rules of the Teams app manifest schema (v1.19) that a filled manifest can break: ids, name and description
/// lengths, version, developer URLs, accent colour, bot scopes and command lists, valid domains. Teams refuses an
/// upload that breaks any of them, with a message that does not always say where; this says where before the upload.
/// </summary>
public static partial class ManifestRules
{
    public const int MaxShortName = 30;
    public const int MaxFullName = 100;
    public const int MaxShortDescription = 80;
    public const int MaxFullDescription = 4000;
    public const int MaxDeveloperName = 32;
    public const int MaxUrl = 2048;
    public const int MaxCommandLists = 3;
    public const int MaxCommands = 10;
    public const int MaxCommandTitle = 32;
    public const int MaxCommandDescription = 128;
    public const int MaxValidDomains = 16;

    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    /// <summary>Every broken rule, in manifest order; empty when the manifest may be uploaded.</summary>
    public static IReadOnlyList<ManifestProblem> Check(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var problems = new List<ManifestProblem>();
        Guid(problems, "id", manifest["id"]);
        Version(problems, manifest["version"]);
        Text(problems, "name.short", manifest["name"]?["short"], MaxShortName);
        Text(problems, "name.full", manifest["name"]?["full"], MaxFullName, required: false);
        Text(problems, "description.short", manifest["description"]?["short"], MaxShortDescription);
        Text(problems, "description.full", manifest["description"]?["full"], MaxFullDescription);
        Text(problems, "developer.name", manifest["developer"]?["name"], MaxDeveloperName);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            HttpsUrl(problems, $"developer.{url}", manifest["developer"]?[url]);
        }

        AccentColor(problems, manifest["accentColor"]);
        Bots(problems, manifest["bots"]);
        ValidDomains(problems, manifest["validDomains"]);

        // A field that still holds a placeholder is reported once, as that, not also as a bad URL or id.
        var placeholders = Placeholders.Left(manifest).ToList();
        var fields = placeholders.Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
        return [.. placeholders, .. problems.Where(p => !fields.Contains(p.Field))];
    }

    /// <summary>Why <paramref name="domain"/> cannot stand in validDomains; null when it can.</summary>
    public static string? DomainProblem(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (domain.Contains("://", StringComparison.Ordinal))
        {
            return $"'{domain}' must be a host name without a scheme (no https://)";
        }

        if (domain.IndexOfAny(['/', '?', '#', '\\']) >= 0)
        {
            return $"'{domain}' must be a host name without a path";
        }

        if (domain.Contains(':', StringComparison.Ordinal))
        {
            return $"'{domain}' must be a host name without a port";
        }

        var host = domain.ToLowerInvariant();
        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
            || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address)))
        {
            return $"'{domain}' is this machine; Teams cannot reach it (use the bot's public host name)";
        }

        var labels = host.Split('.');
        var wildcards = labels.TakeWhile(l => l == "*").Count();
        if (labels.Skip(wildcards).Any(l => l.Contains('*', StringComparison.Ordinal)) || wildcards > 1)
        {
            return $"'{domain}' has a wildcard out of place: '*' may only stand as the whole first label, as in *.example.com";
        }

        if (labels.Length - wildcards < 2)
        {
            return wildcards > 0
                ? $"'{domain}' is too broad: a wildcard must be followed by at least a domain and its top-level domain, as in *.example.com"
                : $"'{domain}' must be a fully qualified host name, as in bot.example.com";
        }

        return labels.Skip(wildcards).All(l => HostLabel().IsMatch(l)) ? null : $"'{domain}' is not a valid host name";
    }

    private static void Guid(List<ManifestProblem> problems, string field, JsonNode? node)
    {
        var value = TeamsManifest.Text(node);
        if (value is null || !System.Guid.TryParseExact(value, "D", out _))
        {
            problems.Add(new(field, $"must be a GUID such as 00000000-0000-0000-0000-000000000000, got {Shown(value)}"));
        }
    }

    private static void Version(List<ManifestProblem> problems, JsonNode? node)
    {
        var value = TeamsManifest.Text(node);
        if (value is null || !SemanticVersion().IsMatch(value))
        {
            problems.Add(new("version", $"must be a version MAJOR.MINOR.PATCH such as 1.0.0, got {Shown(value)}"));
        }
    }

    private static void Text(List<ManifestProblem> problems, string field, JsonNode? node, int max, bool required = true)
    {
        var value = TeamsManifest.Text(node);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required || node is not null)
            {
                problems.Add(new(field, "is required and must not be empty"));
            }
        }
        else if (value.Length > max)
        {
            problems.Add(new(field, $"is {value.Length} characters long; Teams allows at most {max}"));
        }
    }

    private static void HttpsUrl(List<ManifestProblem> problems, string field, JsonNode? node)
    {
        var value = TeamsManifest.Text(node);
        if (value is null || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add(new(field, $"must be an https:// address, got {Shown(value)}"));
        }
        else if (value.Length > MaxUrl)
        {
            problems.Add(new(field, $"is {value.Length} characters long; Teams allows at most {MaxUrl}"));
        }
    }

    private static void AccentColor(List<ManifestProblem> problems, JsonNode? node)
    {
        var value = TeamsManifest.Text(node);
        if (Rgb.TryParse(value) is null)
        {
            problems.Add(new("accentColor", $"must be a colour #RRGGBB, got {Shown(value)}"));
        }
    }

    private static void Bots(List<ManifestProblem> problems, JsonNode? node)
    {
        var bots = TeamsManifest.Items(node).ToList();
        if (bots.Count != 1)
        {
            problems.Add(new("bots", $"must hold exactly one bot, holds {bots.Count}"));
        }

        foreach (var (bot, b) in bots)
        {
            var at = $"bots[{b}]";
            Guid(problems, $"{at}.botId", bot["botId"]);
            Scopes(problems, $"{at}.scopes", bot["scopes"]);
            var lists = TeamsManifest.Items(bot["commandLists"]).ToList();
            if (lists.Count > MaxCommandLists)
            {
                problems.Add(new($"{at}.commandLists", $"has {lists.Count} lists; Teams allows at most {MaxCommandLists} (one per scope)"));
            }

            foreach (var (list, l) in lists)
            {
                Scopes(problems, $"{at}.commandLists[{l}].scopes", list["scopes"]);
                Commands(problems, $"{at}.commandLists[{l}].commands", list["commands"]);
            }
        }
    }

    private static void Scopes(List<ManifestProblem> problems, string field, JsonNode? node)
    {
        var scopes = node is JsonArray array ? array.Select(TeamsManifest.Text).ToList() : [];
        if (scopes.Count == 0)
        {
            problems.Add(new(field, $"must list at least one of {string.Join(", ", BotScopes)}"));
        }

        foreach (var scope in scopes.Where(s => !BotScopes.Contains(s, StringComparer.Ordinal)))
        {
            problems.Add(new(field, $"{Shown(scope)} is not a bot scope ({string.Join(", ", BotScopes)})"));
        }
    }

    private static void Commands(List<ManifestProblem> problems, string field, JsonNode? node)
    {
        var commands = TeamsManifest.Items(node).ToList();
        if (commands.Count > MaxCommands)
        {
            problems.Add(new(field, $"has {commands.Count} commands; Teams allows at most {MaxCommands} in a list"));
        }

        foreach (var (command, c) in commands)
        {
            Text(problems, $"{field}[{c}].title", command["title"], MaxCommandTitle);
            Text(problems, $"{field}[{c}].description", command["description"], MaxCommandDescription);
        }
    }

    private static void ValidDomains(List<ManifestProblem> problems, JsonNode? node)
    {
        var domains = node is JsonArray array ? array.Select(TeamsManifest.Text).ToList() : [];
        if (domains.Count > MaxValidDomains)
        {
            problems.Add(new("validDomains", $"has {domains.Count} domains; Teams allows at most {MaxValidDomains}"));
        }

        for (var i = 0; i < domains.Count; i++)
        {
            if ((domains[i] is null ? "must be a host name" : DomainProblem(domains[i]!)) is { } problem)
            {
                problems.Add(new($"validDomains[{i}]", problem));
            }
        }
    }

    private static string Shown(string? value) => value is null ? "nothing" : $"'{value}'";

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostLabel();
}
