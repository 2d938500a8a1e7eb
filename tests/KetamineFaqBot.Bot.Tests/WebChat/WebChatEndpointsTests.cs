using System.Net;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.WebChat;

/// <summary>The page's icon and clinic name as a browser and an operator meet them.</summary>
public sealed class WebChatEndpointsTests
{
    [Fact]
    public async Task Page_LinksItsOwnIconAndTheClassicIconPathLeadsToIt()
    {
        await using var host = BotTestHost.Start();
        using var http = host.CreateHttpClient();

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        using var icon = await http.GetAsync(new Uri("favicon.svg", UriKind.Relative));
        using var classic = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress }
            .GetAsync(new Uri("favicon.ico", UriKind.Relative));

        Assert.Contains("<link rel=\"icon\" href=\"favicon.svg\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await icon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MovedPermanently, classic.StatusCode);
        Assert.Equal("/favicon.svg", classic.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Settings_NoClinicNameByDefault_NoPlaceholderShown()
    {
        await using var host = BotTestHost.Start();
        using var http = host.CreateHttpClient();

        var settings = JsonNode.Parse(await http.GetStringAsync(new Uri("webchat/settings.json", UriKind.Relative)))!;

        Assert.Equal(string.Empty, settings["clinicName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("Riverside Mental Health Clinic", false)]
    public async Task Start_OutsideDevelopment_WarnsOnlyWhenNoClinicIsNamed(string? clinicName, bool warned)
    {
        var settings = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Bot:AllowAnonymous"] = "true" };
        if (clinicName is not null)
        {
            settings["WebChat:ClinicName"] = clinicName;
        }

        await using var bot = await BotProcess.StartAsync(settings);

        Assert.Equal(warned, bot.Output.Contains("WebChat:ClinicName is not set", StringComparison.Ordinal));
    }
}
