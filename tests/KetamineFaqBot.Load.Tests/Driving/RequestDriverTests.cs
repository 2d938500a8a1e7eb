using System.Net;
using System.Text;
using KetamineFaqBot.Load.Driving;
using KetamineFaqBot.Load.Scenarios;
using KetamineFaqBot.Load.Servers;

namespace KetamineFaqBot.Load.Tests.Driving;

public sealed class RequestDriverTests
{
    [Fact]
    public async Task RunAsync_FixedCount_SendsEachRequestOnceAndCountsWhatTheCheckRejects()
    {
        await using var sink = await ConnectorSink.StartAsync();
        using var client = RequestDriver.CreateClient(sink.BaseAddress, connections: 3);
        var sent = new int[20];

        var result = await RequestDriver.RunAsync(client, 20, 3, i =>
        {
            Interlocked.Increment(ref sent[i]);
            return ActivityPayloads.Post($"v3/conversations/c/activities/{i}", Encoding.UTF8.GetBytes($$"""{"type":"message","replyToId":"in-{{i}}"}"""));
        }, (i, status, _) => status != HttpStatusCode.OK ? "status" : i % 4 == 0 ? "rejected" : null);

        Assert.All(sent, count => Assert.Equal(1, count));
        Assert.Equal(20, sink.Messages);
        Assert.Equal(20, result.Requests);
        Assert.Equal(20, result.LatencyTicks.Length);
        Assert.All(result.StartTimestamps, start => Assert.NotEqual(0, start));
        Assert.Equal(new Dictionary<string, int> { ["rejected"] = 5 }, result.Errors);
        Assert.Equal(5, result.ErrorCount);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i % 4 == 0), result.Failed);
    }

    [Fact]
    public async Task RunAsync_NobodyListening_CountsEveryRequestAsAnError()
    {
        using var client = RequestDriver.CreateClient(FreePort.NextLoopbackUrl(), connections: 2);

        var result = await RequestDriver.RunAsync(
            client, 4, 2, _ => new HttpRequestMessage(HttpMethod.Post, "echo"), (_, status, _) => RequestDriver.SuccessStatus(status));

        Assert.Equal(new Dictionary<string, int> { [nameof(HttpRequestException)] = 4 }, result.Errors);
    }
}
