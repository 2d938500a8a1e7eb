namespace KetamineFaqBot.Bot.Health;

public sealed record HealthStatus(string Status, IReadOnlyList<string> Failing);
