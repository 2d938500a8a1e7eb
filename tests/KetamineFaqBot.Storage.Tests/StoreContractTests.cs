using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KetamineFaqBot.Storage.Tests;

/// <summary>
/// The behaviour every storage provider must have. Each provider's test class derives from this one and supplies
/// real stores (a SQLite file, a redis-server); the clock is fake so expiry and retention are exact.
/// </summary>
public abstract partial class StoreContractTests : IDisposable
{
    private const string ConversationId = "a:1Qx7-conversation|with/odd chars";
    private static readonly Provenance SampleProvenance = new("20261126120000-abcdef12", ["cost-and-access#insurance", "faq#q3"], ["referral.personal_dose"], "extractive");

    private StoreSet? stores;

    protected StoreContractTests()
    {
        Clock = TestClock.Create();
    }

    protected FakeTimeProvider Clock { get; }

    protected StorageOptions Options { get; } = new()
    {
        ConversationTimeToLive = TimeSpan.FromHours(1),
        ActivityLogRetention = TimeSpan.FromDays(1),
        RecordRetention = TimeSpan.FromDays(30),
        MaxActivitiesPerConversation = 10,
    };

    protected PrivacyOptions Privacy { get; } = new();

    protected StoreSet Stores => stores ??= CreateStores();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Real stores of the provider under test, sharing <see cref="Clock"/>, <see cref="Options"/> and <see cref="Privacy"/>.</summary>
    protected abstract StoreSet CreateStores();

    /// <summary>Every string the provider has stored (keys, columns, values), for privacy checks.</summary>
    protected abstract Task<string> DumpStoredTextAsync();

    protected virtual void Dispose(bool disposing)
    {
    }

    [Fact]
    public async Task Conversations_UnknownConversation_LoadsEmpty()
    {
        var state = await Stores.Conversations.LoadAsync("never-seen");

        Assert.Empty(state.RecentTurns);
        Assert.False(state.CrisisFlag);
    }

    [Fact]
    public async Task Conversations_SavedState_LoadsBackEqual()
    {
        var turn = new ConversationTurn(TestClock.Start, "how much does ketamine treatment cost", "answer", ["cost-and-access#insurance"]);
        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([turn], CrisisFlag: true));

        var state = await Stores.Conversations.LoadAsync(ConversationId);

        Assert.True(state.CrisisFlag);
        var loaded = Assert.Single(state.RecentTurns);
        Assert.Equal(turn.Query, loaded.Query);
        Assert.Equal(turn.Route, loaded.Route);
        Assert.Equal(turn.At, loaded.At);
        Assert.Equal(turn.Passages, loaded.Passages);
    }

    [Fact]
    public async Task Conversations_Reset_ForgetsState()
    {
        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([], CrisisFlag: true));

        await Stores.Conversations.ResetAsync(ConversationId);

        Assert.False((await Stores.Conversations.LoadAsync(ConversationId)).CrisisFlag);
    }

    [Fact]
    public async Task Conversations_LaterSaveWithoutCrisisFlag_FlagKept()
    {
        // A turn that started from a state read before the crisis was saved (another instance, a failed read).
        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([], CrisisFlag: true));
        var turn = new ConversationTurn(TestClock.Start, "and the cost?", "answer", []);

        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([turn], CrisisFlag: false));

        var loaded = await Stores.Conversations.LoadAsync(ConversationId);
        Assert.True(loaded.CrisisFlag);
        Assert.Equal("and the cost?", Assert.Single(loaded.RecentTurns).Query);
    }

    [Fact]
    public async Task Conversations_CrisisFlagPastTimeToLive_NotCarriedIntoNewState()
    {
        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([], CrisisFlag: true));
        Clock.Advance(Options.ConversationTimeToLive + TimeSpan.FromMinutes(1));

        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([], CrisisFlag: false));

        Assert.False((await Stores.Conversations.LoadAsync(ConversationId)).CrisisFlag);
    }

    [Fact]
    public async Task Conversations_ResetThenSave_CrisisFlagCleared()
    {
        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([], CrisisFlag: true));
        await Stores.Conversations.ResetAsync(ConversationId);

        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([], CrisisFlag: false));

        Assert.False((await Stores.Conversations.LoadAsync(ConversationId)).CrisisFlag);
    }

    [Fact]
    public async Task Conversations_PastTimeToLive_LoadsEmpty()
    {
        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([], CrisisFlag: true));
        Clock.Advance(Options.ConversationTimeToLive - TimeSpan.FromMinutes(1));
        Assert.True((await Stores.Conversations.LoadAsync(ConversationId)).CrisisFlag);

        Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.False((await Stores.Conversations.LoadAsync(ConversationId)).CrisisFlag);
    }

    [Fact]
    public async Task Conversations_RecentQueries_RedactedBeforeStorage()
    {
        var turn = new ConversationTurn(TestClock.Start, "is ketamine covered, my member id is 99887766 and email is lee@example.net", "answer", []);
        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([turn], CrisisFlag: false));

        var stored = await DumpStoredTextAsync();
        var loaded = await Stores.Conversations.LoadAsync(ConversationId);

        Assert.DoesNotContain("99887766", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("lee@example.net", stored, StringComparison.Ordinal);
        Assert.Equal("is ketamine covered, my member id is [number] and email is [email]", loaded.RecentTurns[0].Query);
    }

    [Fact]
    public async Task Conversations_Stored_NamedByHashNotId()
    {
        await Stores.Conversations.SaveAsync(ConversationId, new ConversationState([], CrisisFlag: false));

        var stored = await DumpStoredTextAsync();

        Assert.DoesNotContain(ConversationId, stored, StringComparison.Ordinal);
        Assert.Contains(ConversationHash.Of(ConversationId), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivityLog_Create_TrueOnceThenFalse()
    {
        Assert.True(await Stores.ActivityLog.CreateAsync("dl-1"));
        Assert.False(await Stores.ActivityLog.CreateAsync("dl-1"));
        Assert.True(await Stores.ActivityLog.ExistsAsync("dl-1"));
        Assert.False(await Stores.ActivityLog.ExistsAsync("dl-2"));
    }

    [Fact]
    public async Task ActivityLog_UnknownConversation_AppendAndReadReturnNull()
    {
        Assert.Null(await Stores.ActivityLog.AppendAsync("missing", "{}"));
        Assert.Null(await Stores.ActivityLog.ReadAfterAsync("missing", 0, 10));
    }

    [Fact]
    public async Task ActivityLog_Appends_SequentialWithStrictlyIncreasingTimestamps()
    {
        await Stores.ActivityLog.CreateAsync("dl-1");

        // The clock does not move: timestamps must still never repeat.
        var first = await Stores.ActivityLog.AppendAsync("dl-1", """{"text":"one"}""");
        var second = await Stores.ActivityLog.AppendAsync("dl-1", """{"text":"two"}""");
        var third = await Stores.ActivityLog.AppendAsync("dl-1", """{"text":"three"}""");

        Assert.Equal([1L, 2L, 3L], [first!.Sequence, second!.Sequence, third!.Sequence]);
        Assert.True(first.Timestamp < second.Timestamp && second.Timestamp < third.Timestamp);
        Assert.Equal(TestClock.Start, first.Timestamp);
    }

    [Fact]
    public async Task ActivityLog_ReadAfter_PagesByWatermarkWithoutGapsOrRepeats()
    {
        await Stores.ActivityLog.CreateAsync("dl-1");
        for (var i = 1; i <= 5; i++)
        {
            await Stores.ActivityLog.AppendAsync("dl-1", $$"""{"n":{{i}}}""");
        }

        var seen = new List<string>();
        long watermark = 0;
        for (var page = 0; page < 5; page++)
        {
            var read = await Stores.ActivityLog.ReadAfterAsync("dl-1", watermark, 2);
            Assert.NotNull(read);
            seen.AddRange(read.Activities.Select(a => a.Json));
            watermark = read.Watermark;
        }

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $$"""{"n":{{i}}}"""), seen);
        Assert.Equal(5, watermark);
        Assert.Empty((await Stores.ActivityLog.ReadAfterAsync("dl-1", watermark, 2))!.Activities);
    }

    [Fact]
    public async Task ActivityLog_ExpiredTyping_LeftOutButWatermarkMovesPast()
    {
        await Stores.ActivityLog.CreateAsync("dl-1");
        await Stores.ActivityLog.AppendAsync("dl-1", """{"type":"message"}""");
        await Stores.ActivityLog.AppendAsync("dl-1", """{"type":"typing"}""", Clock.GetUtcNow().AddSeconds(5));

        var fresh = await Stores.ActivityLog.ReadAfterAsync("dl-1", 0, 10);
        Clock.Advance(TimeSpan.FromSeconds(6));
        var later = await Stores.ActivityLog.ReadAfterAsync("dl-1", 0, 10);

        Assert.Equal(2, fresh!.Activities.Count);
        var remaining = Assert.Single(later!.Activities);
        Assert.Equal("""{"type":"message"}""", remaining.Json);
        Assert.Equal(2, later.Watermark);
    }

    [Fact]
    public async Task ActivityLog_ConcurrentAppends_EachSequenceOnce()
    {
        var log = Stores.ActivityLog;
        await log.CreateAsync("dl-1");
        Options.MaxActivitiesPerConversation = 1_000;

        var appended = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => log.AppendAsync("dl-1", $$"""{"n":{{i}}}"""))));

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), appended.Select(a => a!.Sequence).Order());
        Assert.Equal(40, appended.Select(a => a!.Timestamp).Distinct().Count());
        var page = await Stores.ActivityLog.ReadAfterAsync("dl-1", 0, 100);
        Assert.Equal(40, page!.Activities.Count);
    }

    [Fact]
    public async Task ActivityLog_BeyondCapacity_OldestDropped()
    {
        await Stores.ActivityLog.CreateAsync("dl-1");
        for (var i = 1; i <= Options.MaxActivitiesPerConversation + 3; i++)
        {
            await Stores.ActivityLog.AppendAsync("dl-1", $$"""{"n":{{i}}}""");
        }

        var page = await Stores.ActivityLog.ReadAfterAsync("dl-1", 0, 100);

        Assert.Equal(Options.MaxActivitiesPerConversation, page!.Activities.Count);
        Assert.Equal(4, page.Activities[0].Sequence);
    }

    [Fact]
    public async Task ActivityLog_PastRetention_ConversationGone()
    {
        await Stores.ActivityLog.CreateAsync("dl-1");
        await Stores.ActivityLog.AppendAsync("dl-1", "{}");

        Clock.Advance(Options.ActivityLogRetention + TimeSpan.FromMinutes(1));

        Assert.False(await Stores.ActivityLog.ExistsAsync("dl-1"));
        Assert.Null(await Stores.ActivityLog.AppendAsync("dl-1", "{}"));
        Assert.Null(await Stores.ActivityLog.ReadAfterAsync("dl-1", 0, 10));
    }

    [Fact]
    public async Task Feedback_Recorded_ListedNewestFirstWithProvenance()
    {
        await Stores.Feedback.RecordAsync(new FeedbackRecord(Clock.GetUtcNow(), ConversationId, "reply-1", "like", null, SampleProvenance));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Stores.Feedback.RecordAsync(new FeedbackRecord(Clock.GetUtcNow(), ConversationId, "reply-2", "dislike", "not what I asked", null));

        var listed = await Stores.Feedback.ListAsync(TestClock.Start, 10);

        Assert.Equal(["reply-2", "reply-1"], listed.Select(f => f.ActivityId));
        Assert.Equal("dislike", listed[0].Rating);
        Assert.Equal("not what I asked", listed[0].Comment);
        Assert.Equal(ConversationHash.Of(ConversationId), listed[0].ConversationId);
        Assert.Equal(SampleProvenance.Passages, listed[1].Provenance!.Passages);
        Assert.Equal(SampleProvenance.Rules, listed[1].Provenance!.Rules);
        Assert.Equal("extractive", listed[1].Provenance!.Composer);
        Assert.Single(await Stores.Feedback.ListAsync(TestClock.Start.AddSeconds(30), 10));
        Assert.Single(await Stores.Feedback.ListAsync(TestClock.Start, 1));
    }

    [Fact]
    public async Task Feedback_Comment_RedactedBeforeStorage()
    {
        await Stores.Feedback.RecordAsync(new FeedbackRecord(Clock.GetUtcNow(), ConversationId, "reply-1", "dislike",
            "call me on (555) 123-4567 or mail jane.doe@example.org, my chart is 88812345", null));

        var stored = await DumpStoredTextAsync();

        Assert.DoesNotContain("(555)", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("123-4567", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("88812345", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(ConversationId, stored, StringComparison.Ordinal);
        var comment = (await Stores.Feedback.ListAsync(TestClock.Start, 1))[0].Comment;
        Assert.Equal("call me on [phone] or mail [email], my chart is [number]", comment);
    }

    [Fact]
    public async Task Feedback_ConcurrentWriters_NothingLost()
    {
        var feedback = Stores.Feedback;
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            feedback.RecordAsync(new FeedbackRecord(Clock.GetUtcNow(), $"conversation-{i}", $"reply-{i}", "like", null, null)))));

        var listed = await Stores.Feedback.ListAsync(TestClock.Start, 100);

        Assert.Equal(50, listed.Select(f => f.ActivityId).Distinct().Count());
    }

    [Fact]
    public async Task Gaps_SameQuestionDifferentCaseAndSpacing_CountedOnce()
    {
        await Stores.Gaps.RecordAsync(new ContentGap(Clock.GetUtcNow(), "How long does an infusion take?", "webchat", "v1", 1.5f));
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Stores.Gaps.RecordAsync(new ContentGap(Clock.GetUtcNow(), "how long  does an INFUSION take", "msteams", "v2", 1.2f));
        await Stores.Gaps.RecordAsync(new ContentGap(Clock.GetUtcNow(), "is there parking at the clinic", "webchat", "v2", 0.4f));

        var top = await Stores.Gaps.TopAsync(10);

        Assert.Equal(2, top.Count);
        Assert.Equal(2, top[0].Count);
        Assert.Equal(TestClock.Start, top[0].FirstSeen);
        Assert.Equal(TestClock.Start.AddMinutes(5), top[0].LastSeen);
        Assert.Equal("v2", top[0].CorpusVersion);
        Assert.Equal("is there parking at the clinic", top[1].Question);
        Assert.Single(await Stores.Gaps.TopAsync(1));
    }

    [Fact]
    public async Task Gaps_Question_RedactedBeforeStorage()
    {
        await Stores.Gaps.RecordAsync(new ContentGap(Clock.GetUtcNow(), "can you email me at pat@example.com about member id 123456789", "webchat", "v1", 0.2f));

        var stored = await DumpStoredTextAsync();

        Assert.DoesNotContain("pat@example.com", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789", stored, StringComparison.Ordinal);
        Assert.Equal("can you email me at [email] about member id [number]", (await Stores.Gaps.TopAsync(1))[0].Question);
    }

    [Fact]
    public async Task Answers_Recorded_FoundByEveryReplyKey()
    {
        var hash = ConversationHash.Of(ConversationId);
        await Stores.Answers.RecordAsync(new AnswerRecord(Clock.GetUtcNow(), hash, "directline", ["activity-7", "feedback-key-7"], Route.Answer, SampleProvenance));

        var byActivity = await Stores.Answers.FindAsync(hash, "activity-7");
        var byKey = await Stores.Answers.FindAsync(hash, "feedback-key-7");

        Assert.NotNull(byActivity);
        Assert.Equal(Route.Answer, byActivity.Route);
        Assert.Equal(SampleProvenance.CorpusVersion, byActivity.Provenance.CorpusVersion);
        Assert.Equal(SampleProvenance.Passages, byActivity.Provenance.Passages);
        Assert.Equal("directline", byKey!.Channel);
        Assert.Null(await Stores.Answers.FindAsync(hash, "activity-8"));
        Assert.Null(await Stores.Answers.FindAsync(ConversationHash.Of("another"), "activity-7"));
    }

    [Fact]
    public async Task Answers_TranscriptsOff_NoTextStored()
    {
        var hash = ConversationHash.Of(ConversationId);
        await Stores.Answers.RecordAsync(new AnswerRecord(Clock.GetUtcNow(), hash, "webchat", ["a-1"], Route.Answer, SampleProvenance,
            "does ketamine help with treatment resistant depression", "Several trials found…"));

        var stored = await DumpStoredTextAsync();
        var found = await Stores.Answers.FindAsync(hash, "a-1");

        Assert.DoesNotContain("treatment resistant", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Several trials", stored, StringComparison.Ordinal);
        Assert.Null(found!.Question);
        Assert.Null(found.Text);
    }

    [Fact]
    public async Task Answers_TranscriptsOn_TextStoredRedacted()
    {
        Privacy.StoreTranscripts = true;
        var hash = ConversationHash.Of(ConversationId);
        await Stores.Answers.RecordAsync(new AnswerRecord(Clock.GetUtcNow(), hash, "webchat", ["a-1"], Route.Referral, SampleProvenance,
            "my number is 555-867-5309, what dose should I take", "Please talk to your provider."));

        var found = await Stores.Answers.FindAsync(hash, "a-1");

        Assert.Equal("my number is [phone], what dose should I take", found!.Question);
        Assert.Equal("Please talk to your provider.", found.Text);
        Assert.DoesNotContain("867-5309", await DumpStoredTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_ListAndRouteCounts_PerDay()
    {
        var hash = ConversationHash.Of(ConversationId);
        await Stores.Answers.RecordAsync(new AnswerRecord(Clock.GetUtcNow(), hash, "webchat", ["a-1"], Route.Answer, SampleProvenance));
        await Stores.Answers.RecordAsync(new AnswerRecord(Clock.GetUtcNow(), hash, "webchat", ["a-2"], Route.Crisis, SampleProvenance));
        await Stores.Answers.RecordAsync(new AnswerRecord(Clock.GetUtcNow(), hash, "webchat", ["a-3"], Route.Answer, SampleProvenance));
        Clock.Advance(TimeSpan.FromDays(1));
        await Stores.Answers.RecordAsync(new AnswerRecord(Clock.GetUtcNow(), hash, "msteams", ["a-4"], Route.NoAnswer, SampleProvenance));

        var counts = await Stores.Answers.RouteCountsAsync(TestClock.Start.AddDays(-1));
        var listed = await Stores.Answers.ListAsync(TestClock.Start, 10);

        var day1 = DateOnly.FromDateTime(TestClock.Start.UtcDateTime);
        Assert.Equal(
            [new RouteCount(day1, "answer", 2), new RouteCount(day1, "crisis", 1), new RouteCount(day1.AddDays(1), "no_answer", 1)],
            counts);
        Assert.Equal(4, listed.Count);
        Assert.Equal(Route.NoAnswer, listed[0].Route);
    }

    [Fact]
    public async Task Purge_PastRetention_RemovesOldRecordsKeepsRecent()
    {
        var hash = ConversationHash.Of(ConversationId);
        await Stores.Feedback.RecordAsync(new FeedbackRecord(Clock.GetUtcNow(), ConversationId, "old", "like", null, null));
        await Stores.Gaps.RecordAsync(new ContentGap(Clock.GetUtcNow(), "old question", "webchat", "v1", 0.1f));
        await Stores.Answers.RecordAsync(new AnswerRecord(Clock.GetUtcNow(), hash, "webchat", ["old"], Route.Answer, SampleProvenance));
        Clock.Advance(Options.RecordRetention - TimeSpan.FromDays(1));
        await Stores.Feedback.RecordAsync(new FeedbackRecord(Clock.GetUtcNow(), ConversationId, "recent", "like", null, null));
        await Stores.Gaps.RecordAsync(new ContentGap(Clock.GetUtcNow(), "recent question", "webchat", "v1", 0.1f));
        await Stores.Answers.RecordAsync(new AnswerRecord(Clock.GetUtcNow(), hash, "webchat", ["recent"], Route.Answer, SampleProvenance));
        Clock.Advance(TimeSpan.FromDays(2));

        var removed = await Stores.Maintenance.PurgeAsync(Clock.GetUtcNow());

        Assert.True(removed >= 3, $"removed {removed}");
        Assert.Equal(["recent"], (await Stores.Feedback.ListAsync(DateTimeOffset.MinValue, 10)).Select(f => f.ActivityId));
        Assert.Equal(["recent question"], (await Stores.Gaps.TopAsync(10)).Select(g => g.Question));
        Assert.Single(await Stores.Answers.ListAsync(DateTimeOffset.MinValue, 10));
        Assert.Null(await Stores.Answers.FindAsync(hash, "old"));
        Assert.NotNull(await Stores.Answers.FindAsync(hash, "recent"));
    }

    [Fact]
    public async Task Maintenance_RunningStore_Reachable()
    {
        Assert.True(await Stores.Maintenance.IsReachableAsync());
    }
}
