using System.Globalization;

namespace KetamineFaqBot.Core.Conversations;

/// <summary>One stored activity with the sequence number and timestamp the log gave it.</summary>
public sealed record LoggedActivity(long Sequence, DateTimeOffset Timestamp, string Json)
{
    /// <summary>The activity's id in Direct Line: "{conversationId}|0000001", from its sequence number.</summary>
    public string IdIn(string conversationId) => IdOf(conversationId, Sequence);

    /// <summary>The Direct Line id of the entry with <paramref name="sequence"/> (the Redis turn script formats it the same way).</summary>
    public static string IdOf(string conversationId, long sequence) =>
        $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";
}
