using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Bot.Protocol.Logging;
using KetamineFaqBot.Bot.Telemetry;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Core.Records;
using KetamineFaqBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>
/// The one protocol adapter: takes an inbound activity from any channel, runs the answering pipeline and sends replies
/// through an <see cref="IActivitySender"/>. Channels differ only in how they deliver activities and replies.
/// </summary>
public sealed class TurnProcessor(
    IAnswerService answerService,
    IResponseTexts responseTexts,
    IFeedbackStore feedbackStore,
    IAnswerRecordStore answerRecords,
    IServiceProvider services,
    TimeProvider timeProvider,
    BotMetrics metrics,
    ILogger<TurnProcessor> logger)
{
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(3);

    public Task<TurnResult> ProcessAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken = default) =>
        ProcessAsync(activity, sender, default, cancellationToken);

    /// <param name="origin">The trace of the request that accepted the activity (the turn's span joins it); default
    /// joins the current one.</param>
    public async Task<TurnResult> ProcessAsync(Activity activity, IActivitySender sender, ActivityContext origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(sender);
        using var span = TurnSpans.StartTurn(activity.Type, activity.ChannelId, origin);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await HandleMessageAsync(activity, sender, cancellationToken);
                return TurnResult.Ok;
            case ActivityTypes.ConversationUpdate:
                await WelcomeAsync(activity, sender, cancellationToken);
                return TurnResult.Ok;
            case ActivityTypes.Invoke:
                return await HandleInvokeAsync(activity, cancellationToken);
            case ActivityTypes.Event when activity.Name is ActivityTypes.WebChatFeedbackEvent or ActivityTypes.FeedbackEvent:
                await HandleFeedbackEventAsync(activity, cancellationToken);
                return TurnResult.Ok;
            default:
                TurnLog.Ignored(logger, activity.Type, activity.Name);
                return TurnResult.Ok;
        }
    }

    private async Task HandleMessageAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? string.Empty;
        var locale = string.IsNullOrWhiteSpace(activity.Locale) ? "en-US" : activity.Locale;
        var text = MentionStripper.Strip(activity.Text);
        if (text.Length == 0)
        {
            TurnLog.Ignored(logger, activity.Type, "empty text");
            return;
        }

        var started = timeProvider.GetTimestamp();
        try
        {
            // SAFETY: no length check here. The pipeline owns the one limit (Messages:MaxLength): it still lets a long
            // crisis or emergency message take its route, and answers any other over-long one with the too_long text.
            var turn = new Turn(conversationId, activity.From?.Id ?? string.Empty, text, locale, activity.ChannelId ?? "unknown");
            var storing = sender as IStoringActivitySender;
            var (answer, state) = await AnswerWithTypingAsync(activity, turn, sender, deferSave: storing is not null, cancellationToken);

            var feedbackKey = Guid.NewGuid().ToString("N");
            var reply = ReplyBuilder.BuildAnswer(activity, answer, feedbackKey, responseTexts.Text(ResponseKeys.Citation, locale));

            // Provenance of every reply, findable by either key (ours, and the id the channel gave the reply) when
            // feedback arrives at any instance. The store keeps the question and reply text only when
            // Privacy:StoreTranscripts is on, and then redacted.
            AnswerRecord Record(params string[] replyKeys) => new(
                timeProvider.GetUtcNow(), ConversationHash.Of(conversationId), activity.ChannelId ?? "unknown", replyKeys, answer.Route, answer.Provenance, text, answer.Text);
            if (storing is not null)
            {
                // Reply, state and record in one store write; its reply id joins the record's keys there. A failed
                // write stored none of them and fails the turn as a reply that cannot be stored always has.
                using (TurnSpans.StartStore("turn"))
                {
                    await storing.SendTurnAsync(reply, state, Record(feedbackKey), cancellationToken);
                }
            }
            else
            {
                var replyId = await sender.SendAsync(reply, cancellationToken);
                using (TurnSpans.StartStore("answer record"))
                {
                    await answerRecords.RecordAsync(string.IsNullOrEmpty(replyId) ? Record(feedbackKey) : Record(feedbackKey, replyId), cancellationToken);
                }
            }

            var route = answer.Route.ToWire();
            System.Diagnostics.Activity.Current?.SetTag(TelemetryNames.RouteTag, route);
            metrics.Replied(route, activity.ChannelId, timeProvider.GetElapsedTime(started), answer.Provenance.Routing);
            TurnLog.Answered(logger, conversationId, activity.ChannelId, route);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the exception type is logged: exception messages may quote the user's text.
            var exceptionType = ex.GetType().FullName ?? ex.GetType().Name;
            TurnLog.TurnFailed(logger, conversationId, activity.ChannelId, exceptionType);
            System.Diagnostics.Activity.Current?.SetStatus(ActivityStatusCode.Error).SetTag(TelemetryNames.ErrorTypeTag, exceptionType);
            metrics.TurnFailed(activity.ChannelId, timeProvider.GetElapsedTime(started));
            await RecoverAsync(activity, sender, conversationId, locale, cancellationToken);
        }
    }

    /// <param name="deferSave">The state comes back unsaved, for the sender to store with the reply.</param>
    private async Task<AnsweredTurn> AnswerWithTypingAsync(Activity activity, Turn turn, IActivitySender sender, bool deferSave, CancellationToken cancellationToken)
    {
        var answerTask = deferSave
            ? answerService.AnswerUnsavedAsync(turn, cancellationToken)
            : AnswerSavedAsync(turn, cancellationToken);
        if (answerTask.IsCompleted)
        {
            return await answerTask;
        }

        using var typingCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typingTask = SendTypingUntilDoneAsync(activity, answerTask, sender, typingCancellation.Token);
        try
        {
            return await answerTask;
        }
        finally
        {
            await typingCancellation.CancelAsync();
            await typingTask;
        }
    }

    private async Task<AnsweredTurn> AnswerSavedAsync(Turn turn, CancellationToken cancellationToken) =>
        new(await answerService.AnswerAsync(turn, cancellationToken), null);

    private async Task SendTypingUntilDoneAsync(Activity activity, Task answerTask, IActivitySender sender, CancellationToken cancellationToken)
    {
        try
        {
            if (sender.TypingDelay > TimeSpan.Zero)
            {
                await Task.WhenAny(answerTask, Task.Delay(sender.TypingDelay, timeProvider, cancellationToken));
            }

            while (!answerTask.IsCompleted && !cancellationToken.IsCancellationRequested)
            {
                await sender.SendAsync(ReplyBuilder.BuildTyping(activity), cancellationToken);
                await Task.WhenAny(answerTask, Task.Delay(TypingInterval, timeProvider, cancellationToken));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or InvalidOperationException)
        {
            // Typing is a courtesy: losing it must never lose the answer.
        }
    }

    private async Task RecoverAsync(Activity activity, IActivitySender sender, string conversationId, string locale, CancellationToken cancellationToken)
    {
        if (services.GetService<IConversationStore>() is { } store && conversationId.Length > 0)
        {
            try
            {
                // SAFETY: the reset clears the context that may have caused the error, not the crisis flag: a
                // conversation that hit crisis keeps carrying the crisis resources after an apology.
                var crisis = (await store.LoadAsync(conversationId, cancellationToken)).CrisisFlag;
                await store.ResetAsync(conversationId, cancellationToken);
                if (crisis)
                {
                    await store.SaveAsync(conversationId, ConversationState.Empty with { CrisisFlag = true }, cancellationToken);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                TurnLog.ResetFailed(logger, conversationId, ex.GetType().Name);
            }
        }

        try
        {
            await sender.SendAsync(ReplyBuilder.BuildText(activity, responseTexts.Text("apology", locale)), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            TurnLog.ApologyFailed(logger, conversationId, ex.GetType().Name);
        }
    }

    private async Task WelcomeAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        var locale = string.IsNullOrWhiteSpace(activity.Locale) ? "en-US" : activity.Locale;
        foreach (var member in activity.MembersAdded ?? [])
        {
            // The bot itself is also "added": greet only the others (ActivityHandler's rule).
            if (member.Id is null || string.Equals(member.Id, botId, StringComparison.Ordinal))
            {
                continue;
            }

            await sender.SendAsync(ReplyBuilder.BuildText(activity, responseTexts.Text("welcome", locale), member), cancellationToken);
        }
    }

    private async Task<TurnResult> HandleInvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Name != ActivityTypes.SubmitActionInvoke || activity.Value is not JsonObject value
            || value["actionName"]?.GetValueKind() != JsonValueKind.String || (string?)value["actionName"] != "feedback")
        {
            // PROTOCOL: like the SDK, invokes we do not handle get 501.
            return TurnResult.NotImplemented;
        }

        var actionValue = value["actionValue"] as JsonObject;
        var rating = ReadString(actionValue?["reaction"]);
        var comment = ReadFeedbackText(ReadString(actionValue?["feedback"]));
        await RecordFeedbackAsync(activity, activity.ReplyToId, rating, comment, cancellationToken);

        // PROTOCOL: Teams requires 200 with an empty body for message/submitAction.
        return TurnResult.Ok;
    }

    private async Task HandleFeedbackEventAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Name == ActivityTypes.FeedbackEvent && activity.Value is JsonObject value)
        {
            await RecordFeedbackAsync(activity, ReadString(value["replyToId"]), ReadString(value["reaction"]), ReadString(value["comment"]), cancellationToken);
            return;
        }

        var action = activity.Entities?.FirstOrDefault(e => ReadString(e["@type"]) is "LikeAction" or "DislikeAction");
        var actionId = ReadString(action?["@id"]);
        if (action is null || actionId is null)
        {
            TurnLog.MalformedFeedback(logger, activity.Conversation?.Id ?? string.Empty);
            return;
        }

        var rating = ReadString(action["@type"]) == "LikeAction" ? "like" : "dislike";
        var key = ReplyBuilder.FeedbackKeyFromActionId(actionId);
        await RecordFeedbackAsync(activity, key, rating, null, cancellationToken);
    }

    private async Task RecordFeedbackAsync(Activity activity, string? replyKey, string? rating, string? comment, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? string.Empty;
        if (rating is not ("like" or "dislike") || string.IsNullOrEmpty(replyKey))
        {
            TurnLog.MalformedFeedback(logger, conversationId);
            return;
        }

        var answered = await answerRecords.FindAsync(ConversationHash.Of(conversationId), replyKey, cancellationToken);
        var activityId = answered?.ReplyKeys.Count > 1 ? answered.ReplyKeys[1] : replyKey;
        await feedbackStore.RecordAsync(
            new FeedbackRecord(timeProvider.GetUtcNow(), conversationId, activityId, rating, comment, answered?.Provenance),
            cancellationToken);
        metrics.FeedbackRecorded(rating, activity.ChannelId);
        TurnLog.FeedbackRecorded(logger, rating, activityId, conversationId, answered is not null);
    }

    /// <summary>Teams sends the comment as a JSON string such as {"feedbackText":"..."}; plain text is kept as is.</summary>
    private static string? ReadFeedbackText(string? feedback)
    {
        if (string.IsNullOrWhiteSpace(feedback))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(feedback) is JsonObject parsed ? ReadString(parsed["feedbackText"]) : feedback;
        }
        catch (JsonException)
        {
            return feedback;
        }
    }

    private static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
