using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineFaqBot.Bot.Protocol;

namespace KetamineFaqBot.Bot.Tests.Protocol;

public sealed class ActivitySerializationTests
{
    [Fact]
    public void RoundTrip_UnknownFields_AreKeptAndNullsOmitted()
    {
        const string json = """{"type":"message","text":null,"futureField":{"a":1},"from":{"id":"u","extra":"x"},"timestamp":"2026-01-02T03:04:05.123+02:00","localTimestamp":"2026-01-02T03:04:05.123+02:00"}""";

        var activity = JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!;
        var back = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!.AsObject();

        Assert.Equal(1, (int)back["futureField"]!["a"]!);
        Assert.Equal("x", (string?)back["from"]!["extra"]);
        Assert.False(back.ContainsKey("text"));
        Assert.Equal("2026-01-02T01:04:05.1230000Z", (string?)back["timestamp"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 123, TimeSpan.FromHours(2)), activity.LocalTimestamp);
    }
}
