using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.Turns;

/// <summary>An accepted activity waiting for the answering pipeline, and where its replies go.</summary>
public sealed record TurnWorkItem(Activity Activity, IActivitySender Sender);
