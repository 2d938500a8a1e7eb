using System.Diagnostics.Metrics;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Bot.Telemetry;
using KetamineFaqBot.Bot.Tests.TestSupport;
using KetamineFaqBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KetamineFaqBot.Bot.Tests.Protocol;

public sealed class TurnProcessorTests
{
    [Fact]
    public async Task ProcessAsync_AnswerServiceThrows_ResetsStateAndSendsApology()
    {
        var store = new RecordingConversationStore();
        var sender = new RecordingSender();
        var processor = CreateProcessor(new ServiceCollection().AddSingleton<IConversationStore>(store).BuildServiceProvider());

        var result = await processor.ProcessAsync(Message(ScriptedAnswerService.FailTrigger), sender);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(["conv"], store.Resets);
        Assert.Equal("[apology]", Assert.Single(sender.Sent).Text);
    }

    [Fact]
    public async Task ProcessAsync_LongMessage_GoesToPipelineWholeForItsOneLimit()
    {
        // The pipeline owns the only length limit (Messages:MaxLength); the adapter must neither refuse nor truncate.
        var sender = new RecordingSender();
        var answers = new ScriptedAnswerService();
        var processor = CreateProcessor(new ServiceCollection().BuildServiceProvider(), answers);
        var text = new string('k', 5000);

        await processor.ProcessAsync(Message(text), sender);

        Assert.Equal(text, Assert.Single(answers.Turns).Text);
        Assert.Contains(text, Assert.Single(sender.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_FeedbackEventFromPage_RecordsRating()
    {
        using var stores = new TempSqliteStores();
        var feedback = stores.Feedback;
        var processor = CreateProcessor(new ServiceCollection().BuildServiceProvider(), feedback: feedback);
        var activity = Message("x");
        activity.Type = ActivityTypes.Event;
        activity.Name = ActivityTypes.FeedbackEvent;
        activity.Value = new System.Text.Json.Nodes.JsonObject { ["replyToId"] = "conv|0000003", ["reaction"] = "like" };

        await processor.ProcessAsync(activity, new RecordingSender());

        var record = Assert.Single(await feedback.ListAsync(DateTimeOffset.MinValue, 10));
        Assert.Equal(("like", "conv|0000003"), (record.Rating, record.ActivityId));
    }

    private static TurnProcessor CreateProcessor(
        IServiceProvider services, ScriptedAnswerService? answers = null, KetamineFaqBot.Core.Feedback.IFeedbackStore? feedback = null) => new(
        answers ?? new ScriptedAnswerService(),
        new ScriptedResponseTexts(),
        feedback ?? new RecordingFeedbackStore(),
        new RecordingAnswerRecordStore(),
        services,
        TimeProvider.System,
        new BotMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(), services),
        NullLogger<TurnProcessor>.Instance);

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = "directline",
        Text = text,
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "conv" },
    };

    private sealed class RecordingSender : IActivitySender
    {
        public List<Activity> Sent { get; } = [];

        public TimeSpan TypingDelay => TimeSpan.FromHours(1);

        public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken = default)
        {
            Sent.Add(activity);
            return Task.FromResult<string?>("id-" + Sent.Count);
        }
    }

    private sealed class RecordingConversationStore : IConversationStore
    {
        public List<string> Resets { get; } = [];

        public Task<ConversationState> LoadAsync(string conversationId, CancellationToken cancellationToken = default) =>
            Task.FromResult(ConversationState.Empty);

        public Task SaveAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task ResetAsync(string conversationId, CancellationToken cancellationToken = default)
        {
            Resets.Add(conversationId);
            return Task.CompletedTask;
        }
    }
}
