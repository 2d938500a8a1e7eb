using System.Threading.RateLimiting;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>Fixed one-minute window per conversation id; a conversation over its budget gets 429.</summary>
public sealed class ConversationRateLimiter(int permitsPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        conversationId => RateLimitPartition.GetFixedWindowLimiter(conversationId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string conversationId)
    {
        using var lease = _limiter.AttemptAcquire(conversationId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
