using KetamineFaqBot.Bot.Protocol;
using ActivityContext = System.Diagnostics.ActivityContext;

namespace KetamineFaqBot.Bot.Turns;

/// <summary>An accepted activity waiting for the answering pipeline, and where its replies go.</summary>
public sealed record TurnWorkItem(Activity Activity, IActivitySender Sender)
{
    /// <summary>The trace of the request that accepted the activity, so the turn's span joins it on the worker.</summary>
    public ActivityContext Origin { get; init; } = System.Diagnostics.Activity.Current?.Context ?? default;
}
