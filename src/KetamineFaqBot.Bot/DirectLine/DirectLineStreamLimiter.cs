using System.Collections.Concurrent;
using KetamineFaqBot.Bot.Options;
using Microsoft.Extensions.Options;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// Counts the WebSocket streams open on each conversation in this process; a stream over
/// DirectLine:MaxStreamsPerConversation is refused before the socket is accepted. A counter, not a rate limiter: a
/// stream holds its slot for as long as it stays open.
/// </summary>
public sealed class DirectLineStreamLimiter(IOptions<DirectLineOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A slot to dispose when the stream closes, or null when the conversation has all its streams open.</summary>
    public IDisposable? TryOpen(string conversationId)
    {
        var max = options.Value.MaxStreamsPerConversation;
        while (true)
        {
            var current = _open.GetOrAdd(conversationId, 0);
            if (current >= max)
            {
                return null;
            }

            if (_open.TryUpdate(conversationId, current + 1, current))
            {
                return new Slot(this, conversationId);
            }
        }
    }

    private void Release(string conversationId)
    {
        while (true)
        {
            var current = _open[conversationId];
            if (current <= 1)
            {
                if (_open.TryRemove(new KeyValuePair<string, int>(conversationId, current)))
                {
                    return;
                }
            }
            else if (_open.TryUpdate(conversationId, current - 1, current))
            {
                return;
            }
        }
    }

    private sealed class Slot(DirectLineStreamLimiter limiter, string conversationId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limiter.Release(conversationId);
            }
        }
    }
}
