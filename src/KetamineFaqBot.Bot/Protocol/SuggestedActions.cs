namespace KetamineFaqBot.Bot.Protocol;

/// <summary>Quick replies shown under the last bot message.</summary>
public sealed class SuggestedActions
{
    public IList<string>? To { get; set; }

    public IList<CardAction> Actions { get; set; } = [];
}
