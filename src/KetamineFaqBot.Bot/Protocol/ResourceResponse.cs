namespace KetamineFaqBot.Bot.Protocol;

/// <summary>The id a channel (or our Direct Line) gave to a posted activity.</summary>
public sealed record ResourceResponse(string Id);
