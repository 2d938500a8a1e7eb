using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace KetamineFaqBot.Bot.DirectLine;

/// <summary>
/// Claims of Direct Line tokens this process has already validated, keyed by the token's SHA-256 (the token itself is
/// never kept), each until the token's own expiry and not a moment longer.
/// </summary>
/// <remarks>
/// Why: Web Chat in polling mode sends the same token with every GET of the activity log (once a second per open
/// page) and every POST; a full validation unseals the signing key through Data Protection and checks the JWT each
/// time. Only a token that passed that validation is added; a refreshed or different token has another hash and is
/// validated in full. The entry ends at the token's <c>exp</c> (without the validator's clock skew), so a cached
/// answer is never one the validator would refuse; after that the token goes through full validation again.
/// A key removed from the Data Protection ring therefore stops refusing its tokens only when they expire
/// (<c>DirectLine:TokenLifetimeMinutes</c>); restarting the bot empties the cache.
/// Bounded: when full, expired entries are dropped; if it is still full, the new token is validated but not kept.
/// A ConcurrentDictionary rather than MemoryCache: expiry must follow the injected TimeProvider exactly.
/// </remarks>
public sealed class ValidatedTokenCache(int capacity, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(string token, out DirectLineTokenClaims? claims)
    {
        claims = null;
        if (capacity == 0)
        {
            return false;
        }

        var key = KeyOf(token);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return false;
        }

        if (timeProvider.GetUtcNow() >= entry.ExpiresAt)
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            return false;
        }

        claims = entry.Claims;
        return true;
    }

    /// <summary>Keeps <paramref name="claims"/> of a token that has just passed full validation, until <paramref name="expiresAt"/>.</summary>
    public void Add(string token, DirectLineTokenClaims claims, DateTimeOffset expiresAt)
    {
        var now = timeProvider.GetUtcNow();
        if (capacity == 0 || expiresAt <= now)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    _entries.TryRemove(KeyValuePair.Create(key, entry));
                }
            }

            if (_entries.Count >= capacity)
            {
                return;
            }
        }

        _entries[KeyOf(token)] = new Entry(claims, expiresAt);
    }

    private static string KeyOf(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Entry(DirectLineTokenClaims Claims, DateTimeOffset ExpiresAt);
}
