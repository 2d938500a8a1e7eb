using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Core.Conversations;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

/// <summary>A page written from the stored JSON is the same ActivitySet the deserialise and serialise round trip wrote.</summary>
public sealed class StoredActivitySetTests
{
    private const string ConversationId = "conv-\"quoted\"<&>-é";

    private static readonly string[] Samples =
    [
        """{"type":"message","from":{"id":"dl_user","role":"user"},"text":"is it safe? é 😀 <b>&</b> \"q\"","channelData":{"clientActivityID":"c-1"}}""",
        """{"type":"message","replyToId":"x|0000001","from":{"id":"bot","name":"Ketamine FAQ","role":"bot"},"textFormat":"markdown","text":"line\nline","attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{"buttons":[{"type":"imBack","value":"more"}]}}],"entities":[{"type":"https://schema.org/Message","citation":[{"position":1}]}],"suggestedActions":{"actions":[{"type":"imBack","title":"Cost","value":"cost"}]},"unknownField":{"kept":true}}""",
        """{"type":"conversationUpdate","membersAdded":[{"id":"bot"},{"id":"dl_user"}],"locale":"en-US"}""",
        """{}""",
    ];

    public static TheoryData<string> Activities() => new(Samples);

    [Theory]
    [MemberData(nameof(Activities))]
    public void Write_OneStoredActivity_SameJsonAsTheRoundTrip(string stored) =>
        AssertSameAsRoundTrip([new LoggedActivity(7, Timestamp(0), Stored(stored))], 7);

    [Fact]
    public void Write_SeveralActivitiesAndAFullPage_SameJsonAsTheRoundTrip()
    {
        var logged = Samples.Select((row, i) => new LoggedActivity(i + 1, Timestamp(i), Stored(row))).ToList();

        AssertSameAsRoundTrip(logged, 4);
    }

    [Fact]
    public void Write_EmptyPage_ActivitiesIsAnEmptyArrayAndTheWatermarkAString()
    {
        var json = Written(new ActivityLogPage([], 12));

        Assert.Equal("""{"activities":[],"watermark":"12"}""", json);
    }

    private static void AssertSameAsRoundTrip(IReadOnlyList<LoggedActivity> logged, long watermark)
    {
        var page = new ActivityLogPage(logged, watermark);

        // What the endpoint wrote before: each stored activity deserialised, given its id and timestamp, serialised.
        var activities = logged.Select(l =>
        {
            var activity = JsonSerializer.Deserialize<Activity>(l.Json, ProtocolJson.Options)!;
            activity.Id = l.IdIn(ConversationId);
            activity.Timestamp = l.Timestamp;
            return activity;
        }).ToList();
        var roundTrip = JsonSerializer.Serialize(new ActivitySet(activities, watermark.ToString(CultureInfo.InvariantCulture)), ProtocolJson.Options);

        var written = Written(page);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(roundTrip), JsonNode.Parse(written)), $"round trip: {roundTrip}\nwritten:    {written}");
    }

    /// <summary>The activity as the store keeps it: serialised by the protocol options, without id and timestamp.</summary>
    private static string Stored(string json)
    {
        var activity = JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!;
        return JsonSerializer.Serialize(activity, ProtocolJson.Options);
    }

    private static string Written(ActivityLogPage page)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new StoredActivitySet(ConversationId, page).Write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static DateTimeOffset Timestamp(int i) => new DateTimeOffset(2026, 12, 8, 1, 2, 3, TimeSpan.Zero).AddTicks(1234567 + i);
}
