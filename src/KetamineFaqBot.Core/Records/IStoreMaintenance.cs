namespace KetamineFaqBot.Core.Records;

/// <summary>Retention for one storage provider: removes what is older than its configured limits.</summary>
public interface IStoreMaintenance
{
    /// <summary>Short provider name for readiness and logs (sqlite, redis).</summary>
    string Provider { get; }

    /// <summary>True when the store answers now.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes records past retention as of <paramref name="now"/>; returns how many went.</summary>
    Task<long> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
