using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>Optional body of tokens/generate and POST conversations: {user:{id,name}, locale}.</summary>
public sealed class TokenRequest
{
    public ChannelAccount? User { get; set; }

    public string? Locale { get; set; }
}
