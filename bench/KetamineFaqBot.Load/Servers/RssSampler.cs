namespace KetamineFaqBot.Load.Servers;

/// <summary>Samples a process's VmRSS while the load runs: the peak under load, apart from start-up (index build).</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly int _processId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private double _peak;

    public RssSampler(int processId, TimeSpan interval)
    {
        _processId = processId;
        _loop = SampleAsync(interval, _stop.Token);
    }

    /// <summary>Largest VmRSS seen so far, in MB (0 when none could be read).</summary>
    public double PeakMegabytes => Volatile.Read(ref _peak);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                if (ProcessMemory.CurrentMegabytes(_processId) is { } current && current > _peak)
                {
                    Volatile.Write(ref _peak, current);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
