using System.Net.WebSockets;
using KetamineFaqBot.Bot.Tests.TestSupport;

namespace KetamineFaqBot.Bot.Tests.Logging;

/// <summary>
/// The bot as its own process started from a working directory that is not its folder (as `dotnet run --project`
/// from the repository root does), with a web chat stream opened and the admin key sent in a query string.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string AdminKey = "content-owners-key-0123456789abcdef";

    [Fact]
    public async Task StartedFromAnotherFolder_StreamTokenAndAdminKeyNotInLog()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string?> { ["Admin:ApiKey"] = AdminKey });

        var token = await UseSecretsInQueryStringsAsync(bot);

        var log = bot.Output;
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminKey, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestLinesSwitchedOn_TokenAndKeyRedacted()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = AdminKey,
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        });

        var token = await UseSecretsInQueryStringsAsync(bot);

        var log = bot.Output;
        Assert.Contains("/stream?t=[redacted]", log, StringComparison.Ordinal);
        Assert.Contains("/admin/index?key=[redacted]&view=full", log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminKey, log, StringComparison.Ordinal);
    }

    /// <returns>The Direct Line token that travelled in the stream's query string.</returns>
    private static async Task<string> UseSecretsInQueryStringsAsync(RunningBot bot)
    {
        using var http = bot.CreateHttpClient();
        var client = await DirectLineTestClient.StartAsync(http);
        Assert.Contains("?t=" + client.Token, client.StreamUrl, StringComparison.Ordinal);
        using (var stream = await client.OpenStreamAsync())
        {
            await stream.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        using (await http.GetAsync(new Uri($"admin/index?key={AdminKey}&view=full", UriKind.Relative)))
        {
        }

        // The console logger writes in order: once this conversation's start is there, so is every line before it.
        var last = await DirectLineTestClient.StartAsync(http);
        await bot.WaitForOutputAsync($"Direct Line conversation {last.ConversationId} started");
        return client.Token;
    }
}
