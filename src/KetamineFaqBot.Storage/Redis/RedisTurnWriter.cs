using System.Globalization;
using System.Text.Json;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Conversations;
using KetamineFaqBot.Core.Records;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace KetamineFaqBot.Storage.Redis;

/// <summary>
/// A turn's replies, state and provenance record as one Lua script (turn.lua): one round trip, applied atomically,
/// every key type-checked before the first write. The keys and values are the ones the activity log, the
/// conversation store and the answer-record store write one by one, so every reader sees the same data either way.
/// </summary>
public sealed class RedisTurnWriter(
    RedisConnection redis,
    RedisActivityLog log,
    RedisConversationStore conversations,
    IOptions<StorageOptions> options,
    IOptions<PrivacyOptions> privacy,
    TimeProvider timeProvider) : ITurnWriter
{
    public async Task<IReadOnlyList<LoggedActivity>?> WriteAsync(TurnWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentOutOfRangeException.ThrowIfZero(write.Replies.Count);
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var conversationId = write.ConversationId;
        var hash = ConversationHash.Of(conversationId);
        var stateTtl = (long)settings.ConversationTimeToLive.TotalMilliseconds;
        var record = RecordParts.Of(write.Record is { } r ? RecordTranscripts.Prepare(r, privacy.Value) : null);
        var day = record?.Stored.At is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : DateOnly.FromDateTime(now.UtcDateTime);

        RedisKey[] keys =
        [
            log.Meta(conversationId), log.Log(conversationId), conversations.KeyOf(conversationId), conversations.CrisisKeyOf(conversationId),
            redis.Key(RedisKeys.Answers), redis.Key(RedisKeys.Routes(day)),
            .. (record?.KnownKeys ?? []).Select(k => redis.Key(RedisKeys.Reply(hash, k))),
        ];
        var idPrefix = LoggedActivity.IdOf(conversationId, 0)[..^7];
        RedisValue[] values =
        [
            now.ToUnixTimeMilliseconds(), log.Ttl(), settings.MaxActivitiesPerConversation, log.OldestLive(),
            write.State is { } state ? RedisConversationStore.Serialize(state, now) : string.Empty, stateTtl, write.State?.CrisisFlag == true ? "1" : "0",
            record is null ? string.Empty : record.Stored.At.ToUnixTimeMilliseconds(), record?.Member.Before ?? string.Empty, record?.Member.After ?? string.Empty,
            record?.Json.Before ?? string.Empty, record?.Json.After ?? string.Empty,
            (long)settings.RecordRetention.TotalMilliseconds, record?.Stored.Route.ToWire() ?? string.Empty,
            (long)(settings.RecordRetention + TimeSpan.FromDays(1)).TotalMilliseconds,
            (string?)redis.Key(RedisKeys.Reply(hash, idPrefix)), JsonContent(idPrefix),
            .. write.Replies.Select(json => (RedisValue)json),
        ];

        var result = await redis.Database.ScriptEvaluateAsync(RedisScripts.Turn, keys, values);
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        var logged = new List<LoggedActivity>(write.Replies.Count);
        for (var i = 0; i < write.Replies.Count; i++)
        {
            var timestamp = long.Parse(parts[(2 * i) + 1].ToString(), CultureInfo.InvariantCulture);
            logged.Add(new LoggedActivity((long)parts[2 * i], DateTimeOffset.FromUnixTimeMilliseconds(timestamp), write.Replies[i]));
        }

        return logged;
    }

    /// <summary>A string as it appears between the quotes of the stores' JSON.</summary>
    private static string JsonContent(string text) => JsonSerializer.Serialize(text, StoreJson.Options)[1..^1];

    /// <summary>A JSON text cut where the first reply's id goes (the script puts it there once it has assigned it).</summary>
    private sealed record Split(string Before, string After)
    {
        public static Split At(string json, string marker)
        {
            var at = json.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || json.IndexOf(marker, at + marker.Length, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException("The reply-id marker must occur once in a stored record.");
            }

            return new Split(json[..at], json[(at + marker.Length)..]);
        }
    }

    /// <summary>The record as stored, its reply keys known before the write, and its two JSON forms cut for the id.</summary>
    private sealed record RecordParts(AnswerRecord Stored, IReadOnlyList<string> KnownKeys, Split Json, Split Member)
    {
        public static RecordParts? Of(AnswerRecord? record)
        {
            if (record is null)
            {
                return null;
            }

            var known = record.ReplyKeys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToList();
            var marker = Guid.NewGuid().ToString("N");
            var stored = record with { ReplyKeys = [.. known, marker] };
            return new RecordParts(
                record,
                known,
                Split.At(StoreJson.Serialize(stored), marker),
                Split.At(StoreJson.Serialize(new Envelope<AnswerRecord>(Guid.NewGuid().ToString("N"), stored)), marker));
        }
    }
}
