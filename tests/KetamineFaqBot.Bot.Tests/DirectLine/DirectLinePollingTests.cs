using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

/// <summary>
/// Web Chat's polling (GET activities?watermark=) on the real SQLite store, with the cheap paths in place: a poll at the
/// end answered from this instance's high-water mark, validated tokens remembered until their expiry, pages written
/// from the stored JSON. The clock is a fake one so expiry can be reached.
/// </summary>
public sealed class DirectLinePollingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _host = BotTestHost.Start(
            new Dictionary<string, string?> { ["Storage:ActivityLogRetention"] = "00:10:00" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Poll_AtTheEnd_ThenAMessage_TheSameWatermarkReturnsTheMessageAndLaterItsReply()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var end = await WelcomedWatermarkAsync(client);
        var marks = _host.Services.GetRequiredService<ConversationHighWaterMarks>();
        Assert.True(marks.IsAtEnd(client.ConversationId, Sequence(end), out _));

        var (empty, unchanged) = await client.GetActivitiesAsync(end);
        Assert.Empty(empty);
        Assert.Equal(end, unchanged);

        var posted = await client.SendTextAsync("is ketamine addictive?", "c-1");
        var (afterPost, _) = await client.GetActivitiesAsync(end);
        // The POST returned after its append: the message is there (and its reply too, if the bot was that quick).
        Assert.Equal(posted, (string?)afterPost[0]!["id"]);

        var withReply = await Eventually.ValueAsync(async () =>
        {
            var (activities, watermark) = await client.GetActivitiesAsync(end);
            return activities.Any(a => (string?)a!["replyToId"] == posted) ? new Page(activities, watermark) : null;
        });
        Assert.Equal(posted, (string?)withReply.Activities[0]!["id"]);
        Assert.Equal("bot", (string?)withReply.Activities[^1]!["from"]!["role"]);
        var next = withReply.Watermark;
        Assert.Equal(withReply.Activities.Count, Sequence(next) - Sequence(end));
        Assert.Empty((await client.GetActivitiesAsync(next)).Activities);
    }

    [Fact]
    public async Task Poll_ConversationPastItsRetention_404AlthoughThisInstanceTrackedIt()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var end = await WelcomedWatermarkAsync(client);

        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var response = await client.GetAsync($"v3/directline/conversations/{client.ConversationId}/activities?watermark={end}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Poll_WithATokenPastItsExpiry_403AfterEarlierPollsWithItWereAccepted()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        var end = await WelcomedWatermarkAsync(client);
        var path = $"v3/directline/conversations/{client.ConversationId}/activities?watermark={end}";

        // Tokens live 60 minutes and the validator allows 30 s of skew; the conversation's own retention is 10 minutes,
        // so a token remembered past its expiry would get 404 here, not 403.
        _clock.Advance(TimeSpan.FromMinutes(60) + TimeSpan.FromSeconds(31));
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static long Sequence(string watermark) => long.Parse(watermark, CultureInfo.InvariantCulture);

    /// <summary>Polls until the welcome is in the log; its watermark is then the end of the log.</summary>
    private static async Task<string> WelcomedWatermarkAsync(DirectLineTestClient client) =>
        await Eventually.ValueAsync(async () =>
            await client.GetActivitiesAsync() is { Activities.Count: > 0 } page ? page.Watermark : null);

    private sealed record Page(JsonArray Activities, string Watermark);
}
