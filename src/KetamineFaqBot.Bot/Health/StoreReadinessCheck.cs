using KetamineFaqBot.Core.Records;

namespace KetamineFaqBot.Bot.Health;

/// <summary>Ready when the configured store (SQLite file or Redis server) answers.</summary>
public sealed class StoreReadinessCheck(IStoreMaintenance store) : IReadinessCheck
{
    public string Name => "store-" + store.Provider;

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken = default) => store.IsReachableAsync(cancellationToken);
}
