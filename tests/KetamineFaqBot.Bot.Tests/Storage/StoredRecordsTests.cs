using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Records;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Tests.Storage;

/// <summary>What real traffic through the pipeline leaves in the SQLite store, and what it must not leave.</summary>
public sealed class StoredRecordsTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kfaq-records-" + Guid.NewGuid().ToString("N"));
    private FakeConnector _connector = null!;
    private BotTestHost _host = null!;
    private HttpClient _http = null!;
    private int _asked;

    private string DatabasePath => Path.Combine(_folder, "state.db");

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = BotTestHost.StartProductionLike(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = DatabasePath,
            ["Bot:AllowAnonymous"] = "true",
            [FakeConnector.ReplyPortSetting] = _connector.ReplyPort,
        });
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Traffic_LeavesRedactedGapsAndProvenanceButNoMessageText()
    {
        await AskAsync("conv-1", "is there parking near the ketamine clinic? email me at pat@example.com");
        await AskAsync("conv-2", "Is there parking near the ketamine clinic?  email me at sam@example.org");
        await AskAsync("conv-1", "How addictive is ketamine when a doctor prescribes it for depression?");
        await AskAsync("conv-3", "how much ketamine should I take at home");

        var gaps = await _host.Services.GetRequiredService<IContentGapStore>().TopAsync(10);
        var gap = Assert.Single(gaps);
        Assert.Equal(2, gap.Count);
        Assert.Contains("[email]", gap.Question, StringComparison.Ordinal);

        var records = await _host.Services.GetRequiredService<IAnswerRecordStore>().ListAsync(DateTimeOffset.UtcNow.AddMinutes(-10), 10);
        Assert.Equal(4, records.Count);
        var answer = Assert.Single(records, r => r.Route == Route.Answer);
        Assert.Equal(ConversationHash.Of("conv-1"), answer.ConversationHash);
        Assert.NotEmpty(answer.Provenance.Passages);
        Assert.Contains(answer.Provenance.Composer, new[] { "faq", "extractive" });
        Assert.Contains(records, r => r.Route == Route.Referral && r.Provenance.Rules.Count > 0);
        Assert.All(records, r => Assert.Null(r.Question));

        // No contact detail or conversation id reaches the file. (Recent questions stay in the conversation's
        // follow-up context, redacted, until its time to live; answer records hold no text at all.)
        SqliteConnection.ClearAllPools();
        var bytes = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(DatabasePath))
            + (File.Exists(DatabasePath + "-wal") ? System.Text.Encoding.UTF8.GetString(await ReadSharedAsync(DatabasePath + "-wal")) : string.Empty);
        Assert.DoesNotContain("pat@example.com", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("sam@example.org", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("conv-1", bytes, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task AskAsync(string conversation, string text)
    {
        using var response = await _http.PostAsJsonAsync("api/messages", new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "emulator",
            ["serviceUrl"] = _connector.BaseAddress.ToString(),
            ["from"] = new JsonObject { ["id"] = "29:user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot" },
            ["conversation"] = new JsonObject { ["id"] = conversation },
            ["text"] = text,
        });
        response.EnsureSuccessStatusCode();
        await _connector.NextMessageAsync();

        // The provenance record follows the reply; wait for it so the next turn's order is fixed.
        var records = _host.Services.GetRequiredService<IAnswerRecordStore>();
        _asked++;
        for (var i = 0; i < 400 && (await records.ListAsync(DateTimeOffset.MinValue, 100)).Count < _asked; i++)
        {
            await Task.Delay(25);
        }
    }
}
