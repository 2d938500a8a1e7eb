namespace KetamineFaqBot.Bot.Admin;

/// <summary>What an admin request carried; each kind has its own rate limit budget per address.</summary>
public enum AdminKeyPresented
{
    Missing,
    Wrong,
    Right,
}
