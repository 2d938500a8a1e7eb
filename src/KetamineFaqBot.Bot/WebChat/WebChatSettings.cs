namespace KetamineFaqBot.Bot.WebChat;

/// <summary>What the page reads from /webchat/settings.json.</summary>
public sealed record WebChatSettings(string Title, string ClinicName, string Notice, string AccentColor, string BackgroundColor, string Locale);
