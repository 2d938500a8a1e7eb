using System.Security.Cryptography;
using System.Text;

namespace KetamineFaqBot.Core.Conversations;

/// <summary>
/// A stable, non-reversible key for a conversation: stored records name conversations by this hash, never by the
/// channel's id, so an incident review can group one conversation's turns without learning who it was.
/// </summary>
public static class ConversationHash
{
    /// <summary>The first 16 bytes of SHA-256 over the UTF-8 id, as 32 lower-case hex characters.</summary>
    public static string Of(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(conversationId), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
