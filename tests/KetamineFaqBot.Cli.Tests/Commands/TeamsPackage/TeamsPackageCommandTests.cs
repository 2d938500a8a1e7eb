using System.IO.Compression;
using System.Text.Json;
using KetamineFaqBot.Cli.Commands.TeamsPackage;
using KetamineFaqBot.Cli.Composition;
using KetamineFaqBot.Cli.Tests.TestSupport;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Cli.Tests.Commands.TeamsPackage;

public sealed class TeamsPackageCommandTests(RealIndexFixture index) : IClassFixture<RealIndexFixture>, IDisposable
{
    private const string AppId = ShippedManifest.AppId;
    private const string BotDomain = ShippedManifest.BotDomain;

    private readonly string folder = Directory.CreateTempSubdirectory("kfaq-teams-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task TeamsPackage_ValidRun_WritesZipWithManifestAndIcons()
    {
        var zipPath = Path.Combine(folder, "out", "teams-app.zip");

        var (code, output, error) = await RunAsync(EditedTemplate(), "--output", zipPath);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"Wrote {zipPath}", output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var manifest = JsonDocument.Parse(Read(zip, "manifest.json"));
        var root = manifest.RootElement;
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal(AppId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal([BotDomain], root.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("Ketamine FAQ", root.GetProperty("name").GetProperty("short").GetString());
        Assert.Equal(["personal"], root.GetProperty("bots")[0].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal((192, 192), Size(Read(zip, "color.png")));
        Assert.Equal((32, 32), Size(Read(zip, "outline.png")));
    }

    [Fact]
    public async Task TeamsPackage_NameBotIdAndOutputFolder_AreUsed()
    {
        const string botId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

        var (code, _, error) = await RunAsync(EditedTemplate(), "--name", "Lakeside Ketamine FAQ", "--bot-id", botId, "--output", Path.Combine(folder, "package"));

        Assert.True(code == ExitCodes.Ok, error);
        using var zip = ZipFile.OpenRead(Path.Combine(folder, "package", "teams-app.zip"));
        using var manifest = JsonDocument.Parse(Read(zip, "manifest.json"));
        Assert.Equal(AppId, manifest.RootElement.GetProperty("id").GetString());
        Assert.Equal(botId, manifest.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("Lakeside Ketamine FAQ", manifest.RootElement.GetProperty("name").GetProperty("short").GetString());
    }

    [Theory]
    [InlineData("--app-id", "12345", "kfaq teams-package: id: must be a GUID such as 00000000-0000-0000-0000-000000000000, got '12345'")]
    [InlineData("--bot-id", "bot", "kfaq teams-package: bots[0].botId: must be a GUID such as 00000000-0000-0000-0000-000000000000, got 'bot'")]
    [InlineData("--bot-domain", "https://bot.clinic.example/api/messages", "kfaq teams-package: validDomains[0]: 'https://bot.clinic.example/api/messages' must be a host name without a scheme (no https://)")]
    [InlineData("--bot-domain", "localhost", "kfaq teams-package: validDomains[0]: 'localhost' is this machine; Teams cannot reach it (use the bot's public host name)")]
    [InlineData("--name", "Ketamine treatment FAQ for you!", "kfaq teams-package: name.short: is 31 characters long; Teams allows at most 30")]
    public async Task TeamsPackage_InvalidValue_ExitsInvalidManifestNamingTheField(string option, string value, string message)
    {
        var zipPath = Path.Combine(folder, "teams-app.zip");

        var (code, _, error) = await RunAsync(EditedTemplate(), option, value, "--output", zipPath);

        Assert.Equal(ExitCodes.InvalidManifest, code);
        Assert.Equal(3, ExitCodes.InvalidManifest);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task TeamsPackage_TemplateNotEdited_NamesEveryPlaceholderLeft()
    {
        var (code, _, error) = await RunAsync(ShippedManifest.Path, "--output", Path.Combine(folder, "teams-app.zip"));

        Assert.Equal(ExitCodes.InvalidManifest, code);
        Assert.Contains("developer.name: still holds the placeholder {{CLINIC_NAME}}", error, StringComparison.Ordinal);
        Assert.Contains("developer.privacyUrl: still holds the placeholder {{CLINIC_DOMAIN}}", error, StringComparison.Ordinal);
        Assert.Contains("name.full: still holds the placeholder {{CLINIC_NAME}}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("must be an https:// address", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsPackage_CommandNotAnswered_ExitsUnansweredCommandNamingIt()
    {
        var template = EditedTemplate(text => text.Replace(
            """{ "title": "Is ketamine addictive?", "description": "The risk of addiction with supervised treatment" }""",
            """{ "title": "Where can I buy ketamine?", "description": "Buying it" }""",
            StringComparison.Ordinal));
        var zipPath = Path.Combine(folder, "teams-app.zip");

        var (code, _, error) = await RunAsync(template, "--output", zipPath);

        Assert.Equal(ExitCodes.UnansweredCommand, code);
        Assert.Equal(4, ExitCodes.UnansweredCommand);
        Assert.Contains("kfaq teams-package: bots[0].commandLists[0].commands[3].title: 'Where can I buy ketamine?' gets the route 'refusal' from the bot, not 'answer'", error, StringComparison.Ordinal);
        Assert.Contains("1 of 5 command(s) not answered", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task ShippedCommands_EachGetsAnAnswerFromTheRealPipeline()
    {
        var answers = AnsweringComposition.Default.Build(index.Root, RepositoryRoot.Path("prompts"));
        var commands = TeamsManifest.Load(ShippedManifest.Path).Commands();

        var routes = await CommandCoverage.RouteAsync(answers, commands);

        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.True(r.Route == Route.Answer, $"'{r.Command.Title}' gets {r.Route}"));
    }

    [Fact]
    public async Task TeamsPackage_MissingTemplate_IsAUsageError()
    {
        var (code, _, error) = await RunAsync(Path.Combine(folder, "nope.json"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("kfaq teams-package: cannot read the manifest template:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsPackage_NoAppId_IsAUsageError()
    {
        var (code, _, _) = await CliRun.RunAsync("teams-package", "--bot-domain", BotDomain);

        Assert.Equal(ExitCodes.Usage, code);
    }

    // Runs with a valid app id and domain, the real index and the shipped prompts; options in `more` replace those.
    private Task<(int Code, string Out, string Err)> RunAsync(string template, params string[] more)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--app-id"] = AppId,
            ["--bot-domain"] = BotDomain,
            ["--manifest"] = template,
            ["--root"] = index.Root,
            ["--prompts"] = RepositoryRoot.Path("prompts"),
        };
        for (var i = 0; i + 1 < more.Length; i += 2)
        {
            options[more[i]] = more[i + 1];
        }

        return CliRun.RunAsync(["teams-package", .. options.SelectMany(o => new[] { o.Key, o.Value })]);
    }

    private string EditedTemplate(Func<string, string>? edit = null)
    {
        var path = Path.Combine(folder, "manifest.json");
        var text = ShippedManifest.EditedText();
        File.WriteAllText(path, edit is null ? text : edit(text));
        return path;
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var entry = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        return copy.ToArray();
    }

    private static (int Width, int Height) Size(byte[] png)
    {
        var read = PngReader.Read(png);
        return (read.Width, read.Height);
    }
}
