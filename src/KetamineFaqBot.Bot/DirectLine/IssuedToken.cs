namespace KetamineFaqBot.Bot.DirectLine;

public sealed record IssuedToken(string Token, int ExpiresInSeconds);
