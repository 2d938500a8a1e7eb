using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Storage.Resilience;
using KetamineFaqBot.Storage.Tests.Support;

namespace KetamineFaqBot.Storage.Tests;

/// <summary>A Direct Line turn's replies, state and provenance record written as one (<see cref="ITurnWriter"/>).</summary>
public abstract partial class StoreContractTests
{
    // Characters the stores' JSON escapes ('+', '<', non-ASCII) as well as the log's own separator.
    private const string TurnConversation = "dl:turn+<é>|x/y z";

    private static readonly ConversationTurn AnsweredTurn =
        new(TestClock.Start, "how long does a ketamine infusion take", "answer", ["what-to-expect#infusion"]);

    /// <summary>Makes every write of an answer record fail from now on, the way the provider fails for real.</summary>
    protected abstract Task BreakAnswerRecordsAsync();

    [Fact]
    public async Task TurnWrite_RepliesStateAndRecord_AllStoredInLogOrder()
    {
        await Stores.ActivityLog.CreateAsync(TurnConversation);
        var question = await Stores.ActivityLog.AppendAsync(TurnConversation, """{"type":"message","text":"q"}""");
        var hash = ConversationHash.Of(TurnConversation);

        var logged = await Stores.Turns.WriteAsync(new TurnWrite(
            TurnConversation,
            ["""{"type":"message","text":"one"}""", """{"type":"message","text":"two"}"""],
            new ConversationState([AnsweredTurn], CrisisFlag: false),
            Record(hash, "feedback-key-1", question: "how long does a ketamine infusion take")));

        Assert.NotNull(logged);
        Assert.Equal([2L, 3L], logged.Select(l => l.Sequence));
        Assert.True(question!.Timestamp < logged[0].Timestamp && logged[0].Timestamp < logged[1].Timestamp);
        var page = await Stores.ActivityLog.ReadAfterAsync(TurnConversation, 0, 10);
        Assert.Equal(["""{"type":"message","text":"q"}""", """{"type":"message","text":"one"}""", """{"type":"message","text":"two"}"""], page!.Activities.Select(a => a.Json));
        Assert.Equal(logged.Select(l => l.Timestamp), page.Activities.Skip(1).Select(a => a.Timestamp));
        Assert.Equal(3, page.Watermark);

        var state = await Stores.Conversations.LoadAsync(TurnConversation);
        Assert.Equal(AnsweredTurn.Query, Assert.Single(state.RecentTurns).Query);

        // The record is found by the bot's key and by the id the log gave the first reply, and names both.
        var replyId = logged[0].IdIn(TurnConversation);
        var byKey = await Stores.Answers.FindAsync(hash, "feedback-key-1");
        var byId = await Stores.Answers.FindAsync(hash, replyId);
        Assert.Equal(["feedback-key-1", replyId], byKey!.ReplyKeys);
        Assert.Equal(["feedback-key-1", replyId], byId!.ReplyKeys);
        Assert.Equal(Route.Answer, byId.Route);
        Assert.Null(byId.Question);
        Assert.Null(await Stores.Answers.FindAsync(hash, logged[1].IdIn(TurnConversation)));
        var listed = Assert.Single(await Stores.Answers.ListAsync(TestClock.Start.AddDays(-1), 10));
        Assert.Equal(["feedback-key-1", replyId], listed.ReplyKeys);
        Assert.Equal(1, Assert.Single(await Stores.Answers.RouteCountsAsync(TestClock.Start.AddDays(-1))).Count);
        Assert.DoesNotContain("infusion take", (await DumpStoredTextAsync()).Replace(AnsweredTurn.Query, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnWrite_UnknownConversation_NothingStored()
    {
        var hash = ConversationHash.Of(TurnConversation);

        var logged = await Stores.Turns.WriteAsync(new TurnWrite(
            TurnConversation, ["""{"type":"message"}"""], new ConversationState([AnsweredTurn], CrisisFlag: true), Record(hash, "feedback-key-1")));

        Assert.Null(logged);
        Assert.Equal(ConversationState.Empty, await Stores.Conversations.LoadAsync(TurnConversation));
        Assert.Null(await Stores.Answers.FindAsync(hash, "feedback-key-1"));
        Assert.Empty(await Stores.Answers.ListAsync(TestClock.Start.AddDays(-1), 10));
    }

    [Fact]
    public async Task TurnWrite_StateWithoutCrisisFlag_StoredFlagKept()
    {
        await Stores.ActivityLog.CreateAsync(TurnConversation);
        await Stores.Conversations.SaveAsync(TurnConversation, new ConversationState([], CrisisFlag: true));
        Clock.Advance(TimeSpan.FromMinutes(10));

        await Stores.Turns.WriteAsync(new TurnWrite(
            TurnConversation, ["""{"type":"message"}"""], new ConversationState([AnsweredTurn], CrisisFlag: false), Record(ConversationHash.Of(TurnConversation), "k")));

        var state = await Stores.Conversations.LoadAsync(TurnConversation);
        Assert.True(state.CrisisFlag);
        Assert.Single(state.RecentTurns);
    }

    [Fact]
    public async Task TurnWrite_InterleavedWithAppends_EachSequenceOnceAndTimestampsInSequenceOrder()
    {
        Options.MaxActivitiesPerConversation = 1_000;
        await Stores.ActivityLog.CreateAsync(TurnConversation);
        var hash = ConversationHash.Of(TurnConversation);

        var appends = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            (IReadOnlyList<LoggedActivity>)[(await Stores.ActivityLog.AppendAsync(TurnConversation, $$"""{"user":{{i}}}"""))!]));
        var turns = Enumerable.Range(0, 20).Select(i => Task.Run(async () => (await Stores.Turns.WriteAsync(new TurnWrite(
            TurnConversation, [$$"""{"bot":{{i}},"part":1}""", $$"""{"bot":{{i}},"part":2}"""], null, Record(hash, "key-" + i))))!));
        var written = (await Task.WhenAll(appends.Concat(turns))).SelectMany(l => l).ToList();

        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), written.Select(l => l.Sequence).Order());
        var page = await Stores.ActivityLog.ReadAfterAsync(TurnConversation, 0, 100);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), page!.Activities.Select(a => a.Sequence));
        Assert.Equal(60, page.Watermark);
        Assert.True(page.Activities.Zip(page.Activities.Skip(1)).All(p => p.First.Timestamp < p.Second.Timestamp));

        // A turn's replies are never split by another write: part 2 follows its part 1 directly.
        for (var i = 0; i < page.Activities.Count; i++)
        {
            if (page.Activities[i].Json.Contains("\"part\":1", StringComparison.Ordinal))
            {
                Assert.Equal(page.Activities[i].Json.Replace("\"part\":1", "\"part\":2", StringComparison.Ordinal), page.Activities[i + 1].Json);
            }
        }

        for (var i = 0; i < 20; i++)
        {
            var record = await Stores.Answers.FindAsync(hash, "key-" + i);
            var first = page.Activities.Single(a => a.Json == $$"""{"bot":{{i}},"part":1}""");
            Assert.Equal(["key-" + i, first.IdIn(TurnConversation)], record!.ReplyKeys);
        }
    }

    [Fact]
    public async Task TurnWrite_RecordCannotBeStored_NothingOfTheTurnStored()
    {
        await Stores.ActivityLog.CreateAsync(TurnConversation);
        await Stores.ActivityLog.AppendAsync(TurnConversation, """{"type":"message","text":"q"}""");
        var hash = ConversationHash.Of(TurnConversation);
        await BreakAnswerRecordsAsync();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Stores.Turns.WriteAsync(new TurnWrite(
            TurnConversation, ["""{"type":"message","text":"a"}"""], new ConversationState([AnsweredTurn], CrisisFlag: true), Record(hash, "feedback-key-1"))));

        // A store failure, as the turn's failure handling knows one; the log, state and record untouched.
        Assert.True(StoreFaults.IsUnavailable(failure));
        var page = await Stores.ActivityLog.ReadAfterAsync(TurnConversation, 0, 10);
        Assert.Equal("""{"type":"message","text":"q"}""", Assert.Single(page!.Activities).Json);
        Assert.Equal(1, page.Watermark);
        Assert.Equal(ConversationState.Empty, await Stores.Conversations.LoadAsync(TurnConversation));
        Assert.Null(await Stores.Answers.FindAsync(hash, "feedback-key-1"));
        Assert.Null(await Stores.Answers.FindAsync(hash, LoggedActivity.IdOf(TurnConversation, 2)));

        // The sequence the failed write would have taken is the next append's: no gap for a watermark to skip.
        Assert.Equal(2, (await Stores.ActivityLog.AppendAsync(TurnConversation, """{"type":"message","text":"apology"}"""))!.Sequence);
    }

    private AnswerRecord Record(string hash, string feedbackKey, string? question = null) =>
        new(Clock.GetUtcNow(), hash, "directline", [feedbackKey], Route.Answer, SampleProvenance, question, question is null ? null : "An infusion takes about 40 minutes.");
}
