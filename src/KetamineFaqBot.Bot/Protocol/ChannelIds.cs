namespace KetamineFaqBot.Bot.Protocol;

/// <summary>Channel ids that change how replies are shaped.</summary>
public static class ChannelIds
{
    public const string Teams = "msteams";
    public const string DirectLine = "directline";
    public const string WebChat = "webchat";

    public static bool IsTeams(string? channelId) => string.Equals(channelId, Teams, StringComparison.Ordinal);

    /// <summary>Channels rendered by the Web Chat client (which needs reference-style citation links).</summary>
    public static bool IsWebChatLike(string? channelId) => !IsTeams(channelId);

    public static bool IsDirectLineOrWebChat(string? channelId) =>
        string.Equals(channelId, DirectLine, StringComparison.Ordinal) || string.Equals(channelId, WebChat, StringComparison.Ordinal);
}
