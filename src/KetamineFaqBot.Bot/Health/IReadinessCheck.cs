namespace KetamineFaqBot.Bot.Health;

/// <summary>One condition /readyz waits for (the answer service, later the index, the store…).</summary>
public interface IReadinessCheck
{
    string Name { get; }

    Task<bool> IsReadyAsync(CancellationToken cancellationToken = default);
}
