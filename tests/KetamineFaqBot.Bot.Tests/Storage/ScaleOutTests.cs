using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Tests.Storage;

/// <summary>
/// Two bot instances on different loopback ports sharing one real redis-server, as behind a load balancer, with no
/// <c>DirectLine:TokenSigningKey</c> (the shipped default): one Direct Line conversation moves between them.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private BotTestHost _a = null!;
    private BotTestHost _b = null!;

    public async Task InitializeAsync()
    {
        _redis = RedisServer.Start();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Redis",
            ["Storage:ConnectionString"] = _redis.ConnectionString,
            ["Storage:KeyPrefix"] = "scale:",
            ["DirectLine:TokenSigningKey"] = null,
        };
        _a = BotTestHost.StartProductionLike(settings);
        _b = BotTestHost.StartProductionLike(settings);

        // Each connects to Redis in the background; a write before that would be refused, as it should be.
        await _a.WaitUntilReadyAsync();
        await _b.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _redis.Dispose();
    }

    [Fact]
    public async Task DirectLineConversation_StartedOnA_ContinuesOnBWithContextAndOneHistory()
    {
        using var httpA = _a.CreateHttpClient();
        using var httpB = _b.CreateHttpClient();
        var onA = await DirectLineTestClient.StartAsync(httpA);
        var onB = new DirectLineTestClient(httpB, onA.ConversationId, onA.Token, onA.StreamUrl);

        await onA.SendTextAsync("how does ketamine compare to ECT", "c-1");
        var first = await onA.WaitForAnswersAsync(1);

        // Alone, "which one worked better?" is out of scope; with A's turn as context, B answers it.
        await onB.SendTextAsync("which one worked better?", "c-2");
        var second = await onB.WaitForAnswersAsync(2);

        var followUp = second[^1];
        Assert.Contains("55.4", (string)followUp["text"]!, StringComparison.Ordinal);
        Assert.Equal(first[0]["text"]!.ToString(), second[0]["text"]!.ToString());

        // Both instances page the same log: same ids, same order, no duplicates or gaps, same watermark.
        var (allA, watermarkA) = await onA.GetActivitiesAsync();
        var (allB, watermarkB) = await onB.GetActivitiesAsync();
        var idsA = allA.Select(a => (string)a!["id"]!).ToList();
        Assert.Equal(idsA, allB.Select(a => (string)a!["id"]!));
        Assert.Equal(watermarkA, watermarkB);
        Assert.Equal(idsA.Count, idsA.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, idsA.Count).Select(i => $"{onA.ConversationId}|{i:D7}"), idsA);
        Assert.Equal(5, allA.Count(a => (string?)a!["type"] == "message")); // welcome, two questions, two answers

        // Paging from the middle on B continues exactly where A's page stopped.
        var (rest, _) = await onB.GetActivitiesAsync("2");
        Assert.Equal(idsA.Skip(2), rest.Select(a => (string)a!["id"]!));
    }

    [Fact]
    public async Task DirectLinePoll_OnAAtTheEnd_SeesTheMessageAndReplyWrittenByB()
    {
        using var httpA = _a.CreateHttpClient();
        using var httpB = _b.CreateHttpClient();
        var onA = await DirectLineTestClient.StartAsync(httpA);
        var onB = new DirectLineTestClient(httpB, onA.ConversationId, onA.Token, onA.StreamUrl);
        var end = await Eventually.ValueAsync(async () => await onA.GetActivitiesAsync() is { Activities.Count: > 0 } page ? page.Watermark : null);
        Assert.Empty((await onA.GetActivitiesAsync(end)).Activities);

        // A created the conversation and has seen its end; B now writes to it. A must read the store, not its memory.
        var posted = await onB.SendTextAsync("is ketamine addictive?", "c-1");
        var (afterPost, _) = await onA.GetActivitiesAsync(end);
        Assert.Equal(posted, (string?)afterPost[0]!["id"]);
        var reply = await Eventually.ValueAsync(async () =>
            (await onA.GetActivitiesAsync(end)).Activities.Select(a => a!.AsObject()).FirstOrDefault(a => (string?)a["replyToId"] == posted));
        Assert.Equal("bot", (string?)reply["from"]!["role"]);
    }

    [Fact]
    public async Task DirectLineToken_IssuedByA_PostsAndReadsOnB()
    {
        using var httpA = _a.CreateHttpClient();
        using var httpB = _b.CreateHttpClient();
        var onA = await DirectLineTestClient.StartAsync(httpA);
        var onB = new DirectLineTestClient(httpB, onA.ConversationId, onA.Token, onA.StreamUrl);

        var posted = await onB.SendTextAsync("is ketamine addictive?", "c-1");
        var (activities, _) = await onB.GetActivitiesAsync();

        Assert.Contains(activities, a => (string?)a!["id"] == posted);
        using var refreshed = await onB.RefreshTokenAsync();
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task DirectLineToken_FromAnotherKeyRing_Gets403OnB()
    {
        // Same server, another key prefix: another deployment, with its own conversations and its own key ring.
        await using var other = BotTestHost.Start(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Redis",
            ["Storage:ConnectionString"] = _redis.ConnectionString,
            ["Storage:KeyPrefix"] = "other:",
            ["DirectLine:TokenSigningKey"] = null,
        });
        await other.WaitUntilReadyAsync();
        using var httpOther = other.CreateHttpClient();
        using var httpB = _b.CreateHttpClient();
        var foreign = await DirectLineTestClient.StartAsync(httpOther);
        var onB = new DirectLineTestClient(httpB, foreign.ConversationId, foreign.Token, foreign.StreamUrl);

        // A token B could verify would get 404 here (the conversation is not in B's store): 403 means the signature.
        using var post = await onB.PostAsync(DirectLineTestClient.Message("hi", "c-1"));
        using var read = await onB.GetAsync($"v3/directline/conversations/{foreign.ConversationId}/activities?watermark=");
        using var refresh = await onB.RefreshTokenAsync();

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task Feedback_RecordedOnB_VisibleInAsReportsWithProvenance()
    {
        using var httpA = _a.CreateHttpClient();
        using var httpB = _b.CreateHttpClient();
        var onA = await DirectLineTestClient.StartAsync(httpA);
        var onB = new DirectLineTestClient(httpB, onA.ConversationId, onA.Token, onA.StreamUrl);
        await onA.SendTextAsync("How addictive is ketamine when a doctor prescribes it for depression?", "c-1");
        var reply = (await onA.WaitForAnswersAsync(1))[0];
        var replyId = (string)reply["id"]!;

        // The provenance record is written as the reply goes out; a person clicks after reading it.
        var records = _a.Services.GetRequiredService<IAnswerRecordStore>();
        await Eventually.ValueAsync(() => records.FindAsync(ConversationHash.Of(onA.ConversationId), replyId));

        using var response = await onB.PostAsync(new JsonObject
        {
            ["type"] = "event",
            ["name"] = "feedback",
            ["from"] = new JsonObject { ["id"] = "someone-else", ["role"] = "user" },
            ["value"] = new JsonObject { ["replyToId"] = replyId, ["reaction"] = "dislike", ["comment"] = "call me at 555-123-4567" },
        });
        response.EnsureSuccessStatusCode();

        var reports = _a.Services.GetRequiredService<IFeedbackStore>();
        var record = await Eventually.ValueAsync(async () => await reports.ListAsync(DateTimeOffset.UtcNow.AddMinutes(-5), 10) is [var latest, ..] ? latest : null);
        Assert.Equal("dislike", record.Rating);
        Assert.Equal(replyId, record.ActivityId);
        Assert.Equal("call me at [phone]", record.Comment);
        Assert.NotNull(record.Provenance);
        Assert.NotEmpty(record.Provenance.Passages);
    }
}
