using System.Net;
using System.Text;
using KetamineFaqBot.Load.Servers;

namespace KetamineFaqBot.Load.Tests.Servers;

public sealed class ConnectorSinkTests
{
    [Fact]
    public async Task Receive_MessageReply_IsRecordedUnderItsReplyToIdAndAnsweredWithAnId()
    {
        await using var sink = await ConnectorSink.StartAsync();
        using var client = new HttpClient { BaseAddress = sink.BaseAddress };

        using var response = await client.PostAsync("v3/conversations/c1/activities/in-1", Json("""{"type":"message","replyToId":"in-1","text":"answer"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"id\":\"sink-", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(sink.TryGetArrival("in-1", out var arrived));
        Assert.NotEqual(0, arrived);
        Assert.Equal(1, sink.CountReplied(["in-1", "in-2"]));
    }

    [Fact]
    public async Task Receive_TypingAndOtherActivities_AreCountedButAreNotReplies()
    {
        await using var sink = await ConnectorSink.StartAsync();
        using var client = new HttpClient { BaseAddress = sink.BaseAddress };

        (await client.PostAsync("v3/conversations/c1/activities/in-1", Json("""{"type":"typing","replyToId":"in-1"}"""))).Dispose();
        (await client.PostAsync("v3/conversations/c1/activities", Json("""{"type":"event","name":"x"}"""))).Dispose();

        Assert.Equal(1, sink.Typing);
        Assert.Equal(1, sink.Other);
        Assert.Equal(0, sink.Messages);
        Assert.False(sink.TryGetArrival("in-1", out _));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
