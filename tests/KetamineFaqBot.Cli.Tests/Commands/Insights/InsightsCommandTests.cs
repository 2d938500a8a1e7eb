using System.Text.Json.Nodes;
using KetamineFaqBot.Cli.Tests.TestSupport;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Storage;
using KetamineFaqBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace KetamineFaqBot.Cli.Tests.Commands.Insights;

/// <summary>kfaq insights over a SQLite store written by the same store classes the bot uses.</summary>
public sealed class InsightsCommandTests : IDisposable
{
    private readonly string _work = CliRun.NewTempFolder("kfaq-insights-");

    private string Store => Path.Combine(_work, "state.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Insights_StoreWithRecords_PrintsEverySection()
    {
        await SeedAsync();

        var (code, output, error) = await CliRun.RunAsync("insights", "--store", Store, "--corpus", RepositoryRoot.Path("corpus"), "--root", Path.Combine(_work, "no-index"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(error);
        Assert.Contains("2×  Is there parking at the clinic? write to [email]", output, StringComparison.Ordinal);
        Assert.Contains("“too vague”  from: cost#faq-1", output, StringComparison.Ordinal);
        Assert.Contains("answer 2, crisis 1", output, StringComparison.Ordinal);
        Assert.Contains("Documents due for clinical review:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_Json_SameReportAsTheAdminApi()
    {
        await SeedAsync();

        var (code, output, _) = await CliRun.RunAsync("insights", "--store", Store, "--corpus", RepositoryRoot.Path("corpus"), "--json");

        Assert.Equal(ExitCodes.Ok, code);
        var report = JsonNode.Parse(output)!;
        Assert.Equal(2, (int)report["topGaps"]![0]!["count"]!);
        Assert.Equal("too vague", (string?)report["dislikedAnswers"]![0]!["comment"]);
        Assert.Equal(3, (int)report["routes"]![0]!["total"]!);
    }

    [Fact]
    public async Task Insights_NoStoreFile_UsageErrorWithHint()
    {
        var (code, _, error) = await CliRun.RunAsync("insights", "--store", Store);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no store at", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Store));
    }

    private async Task SeedAsync()
    {
        var database = new SqliteDatabase(Store, _work, 5, NullLogger<SqliteDatabase>.Instance);
        database.Initialise();
        var now = DateTimeOffset.UtcNow;
        var gaps = new SqliteContentGapStore(database);
        await gaps.RecordAsync(new ContentGap(now, "is there parking at the clinic? write to lee@example.com", "webchat", "v1", 0.3f));
        await gaps.RecordAsync(new ContentGap(now, "Is there parking at the clinic? write to kim@example.com", "webchat", "v1", 0.3f));
        var provenance = new Provenance("v1", ["cost#faq-1"], [], "faq");
        await new SqliteFeedbackStore(database).RecordAsync(new FeedbackRecord(now, "c-1", "r-1", "dislike", "too vague", provenance));
        var answers = new SqliteAnswerRecordStore(database, MsOptions.Create(new PrivacyOptions()));
        var hash = ConversationHash.Of("c-1");
        await answers.RecordAsync(new AnswerRecord(now, hash, "webchat", ["r-1"], Route.Answer, provenance));
        await answers.RecordAsync(new AnswerRecord(now, hash, "webchat", ["r-2"], Route.Answer, provenance));
        await answers.RecordAsync(new AnswerRecord(now, hash, "webchat", ["r-3"], Route.Crisis, provenance));
    }
}
