using System.Net;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Storage;
using Microsoft.Data.Sqlite;

namespace KetamineFaqBot.Bot.Tests.Storage;

/// <summary>The embedded default: one SQLite file that outlives the bot process.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kfaq-restart-" + Guid.NewGuid().ToString("N"));

    private Dictionary<string, string?> Settings => new() { ["Storage:ConnectionString"] = Path.Combine(_folder, "state.db") };

    /// <summary>The shipped default: no <c>DirectLine:TokenSigningKey</c>.</summary>
    private Dictionary<string, string?> WithoutSigningKey => new(Settings) { ["DirectLine:TokenSigningKey"] = null };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            foreach (var file in Directory.GetFiles(_folder))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Restart_DirectLineHistoryAndFollowUpContextSurvive()
    {
        string conversationId, token, streamUrl;
        List<string> idsBefore;
        await using (var first = BotTestHost.StartProductionLike(Settings))
        {
            using var http = first.CreateHttpClient();
            var client = await DirectLineTestClient.StartAsync(http);
            (conversationId, token, streamUrl) = (client.ConversationId, client.Token, client.StreamUrl);
            await client.SendTextAsync("how does ketamine compare to ECT", "c-1");
            idsBefore = (await WaitForAnswersAsync(client, 1)).Ids;
        }

        await using var second = BotTestHost.StartProductionLike(Settings);
        using var http2 = second.CreateHttpClient();
        var resumed = new DirectLineTestClient(http2, conversationId, token, streamUrl);

        var (history, _) = await resumed.GetActivitiesAsync();
        Assert.Equal(idsBefore, history.Select(a => (string)a!["id"]!).Take(idsBefore.Count));

        await resumed.SendTextAsync("which one worked better?", "c-2");
        var after = await WaitForAnswersAsync(resumed, 2);
        Assert.Contains("55.4", after.Texts[^1], StringComparison.Ordinal);
        Assert.Equal(after.Ids.Count, after.Ids.Distinct().Count());
    }

    /// <summary>A web chat answered once by an instance (no signing key configured) that then stops.</summary>
    private async Task<DirectLineTestClient> AnsweredOnAnInstanceThatStopsAsync()
    {
        await using var first = BotTestHost.Start(WithoutSigningKey);
        using var http = first.CreateHttpClient();
        var client = await DirectLineTestClient.StartAsync(http);
        await client.SendTextAsync("is ketamine addictive?", "c-1");
        await client.WaitForAnswersAsync(1);
        return client;
    }

    [Fact]
    public async Task Restart_NoSigningKeyConfigured_OldTokenPostsReadsRefreshesAndReconnects()
    {
        var before = await AnsweredOnAnInstanceThatStopsAsync();

        await using var second = BotTestHost.Start(WithoutSigningKey);
        using var http2 = second.CreateHttpClient();
        var resumed = new DirectLineTestClient(http2, before.ConversationId, before.Token, before.StreamUrl);

        var posted = await resumed.SendTextAsync("and the cost?", "c-2");
        var answers = await resumed.WaitForAnswersAsync(2);
        Assert.Equal(posted, (string?)answers[^1]["replyToId"]);
        using var refreshed = await resumed.RefreshTokenAsync();
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using var reconnected = await resumed.ReconnectAsync();
        Assert.Equal(HttpStatusCode.OK, reconnected.StatusCode);

        // The key ring that made this possible sits beside the SQLite file.
        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task Restart_KeyRingDeleted_OldTokenGets403ThoughConversationIsStored()
    {
        var before = await AnsweredOnAnInstanceThatStopsAsync();

        Directory.Delete(Path.Combine(_folder, "keys"), recursive: true);
        await using var second = BotTestHost.Start(WithoutSigningKey);
        using var http2 = second.CreateHttpClient();
        var resumed = new DirectLineTestClient(http2, before.ConversationId, before.Token, before.StreamUrl);

        using var post = await resumed.PostAsync(DirectLineTestClient.Message("and the cost?", "c-2"));
        using var read = await resumed.GetAsync($"v3/directline/conversations/{before.ConversationId}/activities?watermark=");
        using var refresh = await resumed.RefreshTokenAsync();
        using var reconnect = await resumed.ReconnectAsync();

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
    }

    [Fact]
    public async Task Start_ReadOnlyStoreFile_FailsWithClearError()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "state.db");
        File.WriteAllBytes(path, []);
        File.SetUnixFileMode(path, UnixFileMode.UserRead);

        var exit = await BotProcess.RunUntilExitAsync(Settings);

        Assert.True(exit.Failed, exit.Output);
        Assert.Contains($"The SQLite store {path} is read-only", exit.Output, StringComparison.Ordinal);
    }

    private static async Task<(List<string> Ids, List<string> Texts)> WaitForAnswersAsync(DirectLineTestClient client, int answers)
    {
        var replies = await client.WaitForAnswersAsync(answers);
        var (activities, _) = await client.GetActivitiesAsync();
        return (activities.Select(a => (string)a!["id"]!).ToList(), replies.Select(a => (string)a["text"]!).ToList());
    }
}
