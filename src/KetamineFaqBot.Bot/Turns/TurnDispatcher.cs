using System.Threading.Channels;
using KetamineFaqBot.Bot.Options;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.Turns;

/// <summary>
/// Bounded queues between the HTTP endpoints (which answer at once) and the answering workers. A conversation always
/// lands in the same partition, so its turns are answered in the order they arrived.
/// </summary>
public sealed class TurnDispatcher
{
    private readonly Channel<TurnWorkItem>[] _partitions;

    public TurnDispatcher(IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
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

    /// <summary>False when the partition is full: the caller answers 503 rather than losing the turn silently.</summary>
    public bool TryEnqueue(TurnWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _partitions[PartitionOf(item.Activity.Conversation?.Id)].Writer.TryWrite(item);
    }

    public ChannelReader<TurnWorkItem> Reader(int partition) => _partitions[partition].Reader;

    public void Complete()
    {
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }
    }

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
