using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Records;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

/// <summary>
/// An answered Direct Line turn in the real SQLite store: the reply and its provenance record are written in one
/// write, typing is pushed to open streams and never stored, and a write that fails stores nothing of the turn.
/// </summary>
public sealed class DirectLineTurnWriteTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kfaq-dl-turn-" + Guid.NewGuid().ToString("N"));
    private readonly CapturingLoggerProvider _logs = new();
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    private string DatabasePath => Path.Combine(_folder, "state.db");

    public Task InitializeAsync()
    {
        _host = BotTestHost.Start(
            new Dictionary<string, string?> { ["Storage:ConnectionString"] = DatabasePath },
            services => services.AddSingleton<ILoggerProvider>(_logs));
        _http = _host.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        _logs.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task SlowAnswer_TypingPushedButNeverStored_ReplyAndRecordStoredWithNextWatermark()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        using var socket = await client.OpenStreamAsync();
        await DirectLineTestClient.ReadUntilAsync(socket, s => s.Any(a => (string?)a["text"] == "[welcome]"));
        _host.Answers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var questionId = await client.SendTextAsync("how long does an infusion take", "c-1");
        await DirectLineTestClient.ReadUntilAsync(socket, s => s.Any(a => (string?)a["type"] == "typing"));
        _host.Answers.Gate.SetResult();
        var live = await DirectLineTestClient.ReadUntilAsync(socket, s => s.Any(IsReplyTo(questionId)));

        // The log a polling client reads: welcome, question, reply; numbered without a gap where typing was.
        var (activities, watermark) = await client.GetActivitiesAsync();
        var stored = activities.Select(a => a!.AsObject()).ToList();
        Assert.Equal(["message", "message", "message"], stored.Select(a => (string?)a["type"]));
        Assert.Equal("3", watermark);
        var reply = stored[2];
        Assert.Equal(questionId, (string?)reply["replyToId"]);
        Assert.Equal(client.ConversationId + "|0000003", (string?)reply["id"]);
        Assert.Equal((string?)reply["id"], (string?)live.Single(IsReplyTo(questionId))["id"]);
        Assert.True(DateTimeOffset.Parse((string)stored[1]["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture)
            < DateTimeOffset.Parse((string)reply["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture));

        // Its provenance record was written with it: found by the reply's id and by the bot's own key.
        var records = _host.Services.GetRequiredService<IAnswerRecordStore>();
        var hash = ConversationHash.Of(client.ConversationId);
        var byId = await records.FindAsync(hash, (string)reply["id"]!);
        Assert.NotNull(byId);
        Assert.Equal((string?)reply["id"], byId.ReplyKeys[1]);
        Assert.NotNull(await records.FindAsync(hash, byId.ReplyKeys[0]));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM dl_activities WHERE json LIKE '%typing%';"));
    }

    [Fact]
    public async Task TurnWriteFails_NothingOfTheTurnStoredAndTheApologyFollowsTheQuestion()
    {
        var client = await DirectLineTestClient.StartAsync(_http);
        await Eventually.ValueAsync(async () => (await client.GetActivitiesAsync()).Activities.Count == 1 ? string.Empty : null);
        await ExecuteAsync("CREATE TRIGGER refuse_answers BEFORE INSERT ON answers BEGIN SELECT RAISE(ABORT, 'answer records refused'); END;");

        var questionId = await client.SendTextAsync("is ketamine addictive", "c-1");
        var page = await Eventually.ValueAsync(async () =>
            await client.GetActivitiesAsync() is { Activities.Count: 3 } read ? Tuple.Create(read.Activities, read.Watermark) : null);
        var (activities, watermark) = page;

        // The reply's write failed whole: no reply, no record. The turn failed as a reply that cannot be stored
        // always has: logged without text, and the apology appended right after the question.
        var apology = activities[2]!.AsObject();
        Assert.Equal("[apology]", (string?)apology["text"]);
        Assert.Equal(questionId, (string?)apology["replyToId"]);
        Assert.Equal(client.ConversationId + "|0000003", (string?)apology["id"]);
        Assert.Equal("3", watermark);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM answers;"));
        Assert.Contains(_logs.Entries, l => l.EventId.Name == "TurnFailed" && l.Level == LogLevel.Error);
        Assert.Contains(_logs.Entries, l => l.EventId.Id == 6020 && l.AllText.Contains("turn write", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, l => l.AllText.Contains("addictive", StringComparison.Ordinal));
    }

    private static Func<JsonObject, bool> IsReplyTo(string id) => a => (string?)a["replyToId"] == id && (string?)a["type"] == "message";

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
