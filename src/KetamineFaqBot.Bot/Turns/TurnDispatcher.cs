using System.Threading.Channels;
using KetamineFaqBot.Bot.Options;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Turns;

/// <summary>
/// Bounded queues between the HTTP endpoints (which answer at once) and the answering workers. A conversation always
/// lands in the same partition, so its turns are answered in the order they arrived. A full partition makes the
/// caller wait for room, up to <see cref="BotOptions.QueueWaitMilliseconds"/>, so bursts slow acknowledgements down
/// instead of failing them; memory stays bounded by the capacity.
/// </summary>
public sealed class TurnDispatcher
{
    private readonly Channel<TurnWorkItem>[] _partitions;
    private readonly TimeSpan _wait;
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;

    public TurnDispatcher(IOptions<BotOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _wait = TimeSpan.FromMilliseconds(options.Value.QueueWaitMilliseconds);
        _capacity = options.Value.QueueCapacity;
        _partitions = new Channel<TurnWorkItem>[options.Value.Workers];
        for (var i = 0; i < _partitions.Length; i++)
        {
            _partitions[i] = Channel.CreateBounded<TurnWorkItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }
    }

    public int PartitionCount => _partitions.Length;

    /// <summary>
    /// Queues the turn, waiting up to Bot:QueueWaitMilliseconds for room. False when there was none: the caller
    /// answers 503 rather than losing the turn silently.
    /// </summary>
    public async ValueTask<bool> EnqueueAsync(TurnWorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var writer = WriterOf(item.Activity.Conversation?.Id);
        if (writer.TryWrite(item))
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(_wait, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            // A cancelled WriteAsync leaves nothing in the channel.
            await writer.WriteAsync(item, linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits up to Bot:QueueWaitMilliseconds until the conversation's partition has room. For callers that make a
    /// turn visible before queueing it (the Direct Line log): they refuse before writing anything when this is false.
    /// </summary>
    public async ValueTask<bool> WaitForRoomAsync(string? conversationId, CancellationToken cancellationToken = default)
    {
        var partition = _partitions[PartitionOf(conversationId)];
        if (partition.Reader.Count < _capacity)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(_wait, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await partition.Writer.WaitToWriteAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Queues a turn that is already visible to its user (logged), so it must not be dropped: waits for room as long
    /// as it takes. Only a closed queue (shutting down) returns false.
    /// </summary>
    public async ValueTask<bool> EnqueueOwedAsync(TurnWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await WriterOf(item.Activity.Conversation?.Id).WriteAsync(item);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    public ChannelReader<TurnWorkItem> Reader(int partition) => _partitions[partition].Reader;

    public void Complete()
    {
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }
    }

    private ChannelWriter<TurnWorkItem> WriterOf(string? conversationId) => _partitions[PartitionOf(conversationId)].Writer;

    private int PartitionOf(string? conversationId)
    {
        // A stable (not randomised per process) hash keeps a conversation on one worker.
        var hash = 17u;
        foreach (var c in conversationId ?? string.Empty)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (int)(hash % (uint)_partitions.Length);
    }
}
