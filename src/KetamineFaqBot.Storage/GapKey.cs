using System.Security.Cryptography;
using System.Text;

namespace KetamineFaqBot.Storage;

/// <summary>Groups the same redacted question asked with different case or spacing under one key.</summary>
internal static class GapKey
{
    public static string Of(string redactedQuestion)
    {
        var folded = string.Join(' ', redactedQuestion.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '.', '!', ' ');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)).AsSpan(0, 16));
    }
}
