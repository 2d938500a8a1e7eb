namespace KetamineFaqBot.Storage.Redis;

/// <summary>Key names under the configured prefix.</summary>
internal static class RedisKeys
{
    public const string Feedback = "feedback";
    public const string Answers = "answers";
    public const string GapCounts = "gaps:count";
    public const string GapLastSeen = "gaps:last";

    public static string Gap(string key) => "gap:" + key;

    public static string Reply(string conversationHash, string replyKey) => "reply:" + conversationHash + ":" + replyKey;

    public static string Routes(DateOnly day) => "routes:" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
