using System.Collections.Concurrent;
using System.Threading.Channels;
using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>Pushes appended activities to the WebSocket streams open on a conversation (this process only).</summary>
public sealed class DirectLineStreamHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _subscribers = new(StringComparer.Ordinal);

    public Subscription Subscribe(string conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        _subscribers.GetOrAdd(conversationId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Pushes to this process's open streams; a null sequence (typing) is pushed without a watermark of its own.</summary>
    public void Publish(string conversationId, long? sequence, Activity activity)
    {
        if (_subscribers.TryGetValue(conversationId, out var subscriptions))
        {
            foreach (var subscription in subscriptions.Keys)
            {
                // A stream that falls this far behind is closed by the bounded channel rather than growing forever.
                if (!subscription.Writer.TryWrite((sequence, activity)))
                {
                    subscription.Writer.TryComplete();
                }
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.ConversationId, out var subscriptions))
        {
            subscriptions.TryRemove(subscription, out _);
        }
    }

    /// <summary>One open stream's queue of pushed activities.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly DirectLineStreamHub _hub;
        private readonly Channel<(long? Sequence, Activity Activity)> _channel =
            Channel.CreateBounded<(long?, Activity)>(new BoundedChannelOptions(1000) { SingleReader = true });

        internal Subscription(DirectLineStreamHub hub, string conversationId)
        {
            _hub = hub;
            ConversationId = conversationId;
        }

        public string ConversationId { get; }

        public ChannelReader<(long? Sequence, Activity Activity)> Reader => _channel.Reader;

        internal ChannelWriter<(long? Sequence, Activity Activity)> Writer => _channel.Writer;

        public void Dispose()
        {
            _hub.Remove(this);
            _channel.Writer.TryComplete();
        }
    }
}
