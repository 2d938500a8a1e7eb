using System.Text.Json.Nodes;
using KetamineFaqBot.Cli.Commands.TeamsPackage;

namespace KetamineFaqBot.Cli.Tests.Commands.TeamsPackage;

public sealed class ManifestRulesTests
{
    [Fact]
    public void Check_ShippedTemplateWithClinicDetails_BreaksNoRule()
    {
        Assert.Empty(ManifestRules.Check(ShippedManifest.Filled()));
    }

    [Fact]
    public void Check_ShippedTemplateUnedited_NamesEachPlaceholderLeft()
    {
        var manifest = ShippedManifest.Filled();
        manifest["developer"]!["name"] = "{{CLINIC_NAME}}";
        manifest["developer"]!["websiteUrl"] = "https://{{CLINIC_DOMAIN}}";

        var problems = ManifestRules.Check(manifest);

        Assert.Equal(
            [
                new ManifestProblem("developer.name", "still holds the placeholder {{CLINIC_NAME}}; replace it in the manifest template"),
                new ManifestProblem("developer.websiteUrl", "still holds the placeholder {{CLINIC_DOMAIN}}; replace it in the manifest template"),
            ],
            problems);
    }

    [Theory]
    [InlineData("id", "\"not-a-guid\"", "must be a GUID such as 00000000-0000-0000-0000-000000000000, got 'not-a-guid'")]
    [InlineData("bots[0].botId", "\"{6f1c2b7e-3d4a-4e5f-9a8b-1c2d3e4f5a6b}\"", "must be a GUID such as 00000000-0000-0000-0000-000000000000, got '{6f1c2b7e-3d4a-4e5f-9a8b-1c2d3e4f5a6b}'")]
    [InlineData("version", "\"1.0\"", "must be a version MAJOR.MINOR.PATCH such as 1.0.0, got '1.0'")]
    [InlineData("version", "\"1.0.0-beta\"", "must be a version MAJOR.MINOR.PATCH such as 1.0.0, got '1.0.0-beta'")]
    [InlineData("name.short", "\"Ketamine treatment FAQ for you!\"", "is 31 characters long; Teams allows at most 30")]
    [InlineData("name.short", "\"\"", "is required and must not be empty")]
    [InlineData("name.full", "\"" + Long101 + "\"", "is 101 characters long; Teams allows at most 100")]
    [InlineData("description.short", "\"" + Long101 + "\"", "is 101 characters long; Teams allows at most 80")]
    [InlineData("developer.name", "\"Lakeside Ketamine Clinic of the Valley\"", "is 38 characters long; Teams allows at most 32")]
    [InlineData("developer.privacyUrl", "\"http://lakeside.example/privacy\"", "must be an https:// address, got 'http://lakeside.example/privacy'")]
    [InlineData("accentColor", "\"blue\"", "must be a colour #RRGGBB, got 'blue'")]
    [InlineData("bots[0].scopes", "[\"personal\", \"channel\"]", "'channel' is not a bot scope (personal, team, groupChat)")]
    [InlineData("bots[0].commandLists[0].commands[0].title", "\"How long does the whole course take?\"", "is 36 characters long; Teams allows at most 32")]
    [InlineData("bots[0].commandLists[0].commands[0].description", "\"" + Long101 + "-" + Long101 + "\"", "is 203 characters long; Teams allows at most 128")]
    [InlineData("bots[0].commandLists[0].commands[0].description", "\"\"", "is required and must not be empty")]
    [InlineData("validDomains[0]", "\"https://bot.clinic.example\"", "'https://bot.clinic.example' must be a host name without a scheme (no https://)")]
    public void Check_OneRuleBroken_NamesTheFieldAndTheRule(string field, string json, string message)
    {
        var manifest = ShippedManifest.Filled();
        Set(manifest, field, JsonNode.Parse(json));

        var problem = Assert.Single(ManifestRules.Check(manifest));

        Assert.Equal(new ManifestProblem(field, message), problem);
        Assert.Equal($"{field}: {message}", problem.ToString());
    }

    [Fact]
    public void Check_DescriptionOver4000Characters_IsRejected()
    {
        var manifest = ShippedManifest.Filled();
        manifest["description"]!["full"] = new string('a', 4001);

        var problem = Assert.Single(ManifestRules.Check(manifest));

        Assert.Equal(new ManifestProblem("description.full", "is 4001 characters long; Teams allows at most 4000"), problem);
    }

    [Fact]
    public void Check_ElevenCommandsInAList_IsRejected()
    {
        var manifest = ShippedManifest.Filled();
        var commands = new JsonArray([.. Enumerable.Range(1, 11).Select(i => (JsonNode)new JsonObject { ["title"] = $"Question {i}", ["description"] = "A question" })]);
        manifest["bots"]![0]!["commandLists"]![0]!["commands"] = commands;

        var problem = Assert.Single(ManifestRules.Check(manifest));

        Assert.Equal(new ManifestProblem("bots[0].commandLists[0].commands", "has 11 commands; Teams allows at most 10 in a list"), problem);
    }

    [Fact]
    public void Check_TenCommandsInAList_IsAccepted()
    {
        var manifest = ShippedManifest.Filled();
        var commands = new JsonArray([.. Enumerable.Range(1, 10).Select(i => (JsonNode)new JsonObject { ["title"] = $"Question {i}", ["description"] = "A question" })]);
        manifest["bots"]![0]!["commandLists"]![0]!["commands"] = commands;

        Assert.Empty(ManifestRules.Check(manifest));
    }

    [Fact]
    public void Check_TwoBots_IsRejected()
    {
        var manifest = ShippedManifest.Filled();
        ((JsonArray)manifest["bots"]!).Add(manifest["bots"]![0]!.DeepClone());

        var problem = Assert.Single(ManifestRules.Check(manifest));

        Assert.Equal(new ManifestProblem("bots", "must hold exactly one bot, holds 2"), problem);
    }

    [Theory]
    [InlineData("https://bot.clinic.example", "'https://bot.clinic.example' must be a host name without a scheme (no https://)")]
    [InlineData("bot.clinic.example/api/messages", "'bot.clinic.example/api/messages' must be a host name without a path")]
    [InlineData("bot.clinic.example:8443", "'bot.clinic.example:8443' must be a host name without a port")]
    [InlineData("localhost", "'localhost' is this machine; Teams cannot reach it (use the bot's public host name)")]
    [InlineData("bot.localhost", "'bot.localhost' is this machine; Teams cannot reach it (use the bot's public host name)")]
    [InlineData("127.0.0.1", "'127.0.0.1' is this machine; Teams cannot reach it (use the bot's public host name)")]
    [InlineData("bot.*.example", "'bot.*.example' has a wildcard out of place: '*' may only stand as the whole first label, as in *.example.com")]
    [InlineData("b*t.clinic.example", "'b*t.clinic.example' has a wildcard out of place: '*' may only stand as the whole first label, as in *.example.com")]
    [InlineData("*.*.example.com", "'*.*.example.com' has a wildcard out of place: '*' may only stand as the whole first label, as in *.example.com")]
    [InlineData("*.com", "'*.com' is too broad: a wildcard must be followed by at least a domain and its top-level domain, as in *.example.com")]
    [InlineData("*", "'*' is too broad: a wildcard must be followed by at least a domain and its top-level domain, as in *.example.com")]
    [InlineData("clinicbot", "'clinicbot' must be a fully qualified host name, as in bot.example.com")]
    [InlineData("bot_1.clinic.example", "'bot_1.clinic.example' is not a valid host name")]
    [InlineData("-bot.clinic.example", "'-bot.clinic.example' is not a valid host name")]
    public void DomainProblem_InvalidDomain_SaysWhy(string domain, string message)
    {
        Assert.Equal(message, ManifestRules.DomainProblem(domain));
    }

    [Theory]
    [InlineData("bot.clinic.example")]
    [InlineData("Bot.Clinic.Example")]
    [InlineData("*.clinic.example")]
    [InlineData("kfaq-bot.azurewebsites.net")]
    public void DomainProblem_ValidDomain_IsNull(string domain)
    {
        Assert.Null(ManifestRules.DomainProblem(domain));
    }

    private const string Long101 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    // Sets a field given as the rules name it ("bots[0].commandLists[0].commands[0].title").
    private static void Set(JsonObject manifest, string field, JsonNode? value)
    {
        JsonNode node = manifest;
        var parts = field.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var (name, index) = parts[i].Split('[') is [var n, var rest] ? (n, int.Parse(rest.TrimEnd(']'), System.Globalization.CultureInfo.InvariantCulture)) : (parts[i], -1);
            var last = i == parts.Length - 1;
            if (index < 0 && last)
            {
                node[name] = value;
                return;
            }

            if (index >= 0 && last)
            {
                node[name]![index] = value;
                return;
            }

            node = index >= 0 ? node[name]![index]! : node[name]!;
        }
    }
}
