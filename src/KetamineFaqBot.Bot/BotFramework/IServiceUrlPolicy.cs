namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>Which serviceUrls the bot may POST replies to (checked before any token is attached).</summary>
public interface IServiceUrlPolicy
{
    bool IsAllowed(Uri serviceUrl, bool anonymousMode);
}
