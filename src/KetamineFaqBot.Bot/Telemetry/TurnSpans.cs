using System.Diagnostics;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Core.Telemetry;

namespace KetamineFaqBot.Bot.Telemetry;

/// <summary>
/// The span of one turn (the pipeline's stages are its children) and of the bot's own store writes. Named and tagged
/// from fixed sets: the activity's text, ids and tokens never reach a span.
/// </summary>
public static class TurnSpans
{
    public const string TurnName = "turn";
    public const string StoreName = "store";

    private static readonly ActivitySource Source = new(TelemetryNames.Source);

    private static readonly string[] KnownTypes =
        [ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Typing, ActivityTypes.Invoke, ActivityTypes.Event];

    /// <param name="origin">The request that accepted the activity, when the turn runs later on a worker.</param>
    public static System.Diagnostics.Activity? StartTurn(string? activityType, string? channelId, ActivityContext origin) =>
        Source.StartActivity(
            TurnName,
            ActivityKind.Internal,
            origin,
            [
                new(TelemetryNames.ActivityTypeTag, Array.Find(KnownTypes, t => string.Equals(t, activityType, StringComparison.Ordinal)) ?? "other"),
                new(TelemetryNames.ChannelTag, TelemetryNames.Channel(channelId)),
            ]);

    /// <param name="operation">A fixed operation name.</param>
    public static System.Diagnostics.Activity? StartStore(string operation) =>
        Source.StartActivity(StoreName, ActivityKind.Internal, default(ActivityContext), [new(TelemetryNames.StoreOperationTag, operation)]);
}
