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

    public bool TryAcquire(string conversationId) => TryAcquire(conversationId, out _);

    /// <summary>False when over budget, with how long until the window opens again.</summary>
    public bool TryAcquire(string conversationId, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(conversationId);
        retryAfter = lease.IsAcquired || !lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? TimeSpan.FromMinutes(1) : after;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
