using System.Collections.Concurrent;
using KetamineFaqBot.Storage.Logging;
using KetamineFaqBot.Storage.Telemetry;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Storage.Resilience;

/// <summary>
/// Record writes (feedback, content gaps, answer provenance) that failed because the store was away, kept in
/// memory (bounded) and written when it answers again, so an outage loses nothing that fits in the queue.
/// </summary>
public sealed class HeldWrites(ILogger<HeldWrites> logger)
{
    public const int Capacity = 10_000;
    private readonly ConcurrentQueue<(string Operation, Func<CancellationToken, Task> Write)> pending = new();

    public int Count => pending.Count;

    /// <summary>Runs <paramref name="write"/>; when the store is away, holds it for <see cref="FlushAsync"/>.</summary>
    public async Task WriteAsync(string operation, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            await write(cancellationToken);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            StorageLog.StoreUnavailable(logger, operation, StoreFaults.Name(ex));
            StoreTelemetry.Failed(operation, ex);
            Hold(operation, write);
        }
    }

    /// <summary>Writes held records in order; stops at the first that still fails. Returns how many were written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        while (pending.TryPeek(out var next))
        {
            try
            {
                await next.Write(cancellationToken);
            }
            catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
            {
                break;
            }

            pending.TryDequeue(out _);
            written++;
        }

        if (written > 0)
        {
            StorageLog.HeldWritesFlushed(logger, written);
        }

        return written;
    }

    private void Hold(string operation, Func<CancellationToken, Task> write)
    {
        if (pending.Count >= Capacity)
        {
            StorageLog.WriteDropped(logger, operation, Capacity);
            return;
        }

        pending.Enqueue((operation, write));
        StorageLog.WriteHeld(logger, operation, pending.Count);
    }
}
