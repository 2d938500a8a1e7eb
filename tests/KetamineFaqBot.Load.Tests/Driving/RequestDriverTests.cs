using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
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

    [Fact]
    public async Task RunAsync_Paced_SendsNoRequestBeforeItsScheduledTimeAndCountsLatencyFromIt()
    {
        await using var sink = await ConnectorSink.StartAsync();
        var recorder = new RecordingHandler();
        using var client = new HttpClient(recorder) { BaseAddress = sink.BaseAddress };
        const double rate = 100;
        var sent = new int[20];

        // Connections opened and code warm first: a cold first exchange can outlast the whole schedule, and then
        // every request would start late whether or not the driver waited.
        await RequestDriver.RunAsync(client, 2, 2, Reply, (_, status, _) => RequestDriver.SuccessStatus(status));
        recorder.Clear();

        var result = await RequestDriver.RunAsync(client, 20, 2, rate, i =>
        {
            Interlocked.Increment(ref sent[i]);
            return Reply(i);
        }, (i, status, _) => status != HttpStatusCode.OK ? "status" : i % 4 == 0 ? "rejected" : null);

        Assert.All(sent, count => Assert.Equal(1, count));
        Assert.Equal(22, sink.Messages);
        Assert.Equal(20, result.Requests);
        Assert.Equal(rate, result.OfferedRate);
        Assert.Equal(new Dictionary<string, int> { ["rejected"] = 5 }, result.Errors);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i % 4 == 0), result.Failed);
        Assert.True(recorder.MaxInFlight <= 2, $"{recorder.MaxInFlight} requests in flight on 2 connections");
        var ticksPerRequest = Stopwatch.Frequency / rate;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal((long)(i * ticksPerRequest), result.ScheduledTimestamps[i] - result.ScheduledTimestamps[0]);
            Assert.True(result.StartTimestamps[i] >= result.ScheduledTimestamps[i], $"request {i} started before it was due");
            Assert.True(recorder.Sent[i] >= result.ScheduledTimestamps[i], $"request {i} reached the handler before it was due");
            Assert.True(result.LatencyTicks[i] >= recorder.Returned[i] - recorder.Sent[i], $"request {i}: latency shorter than the exchange itself");
        }

        // The last request was due 19 intervals after the first, so the run cannot have been shorter.
        Assert.True(result.Elapsed.TotalSeconds >= 19 / rate, $"{result.Elapsed} for a 190 ms schedule");
        Assert.NotNull(result.LagMs);
    }

    [Fact]
    public async Task RunAsync_PacedFasterThanOneConnectionCanGo_CountsTheWaitForTheConnectionAsLatency()
    {
        await using var sink = await ConnectorSink.StartAsync();
        var recorder = new RecordingHandler();
        using var client = new HttpClient(recorder) { BaseAddress = sink.BaseAddress };

        // At this rate every request is due at once; one connection sends them one after another.
        var result = await RequestDriver.RunAsync(client, 10, 1, 1e15, Reply, (_, status, _) => RequestDriver.SuccessStatus(status));

        Assert.Equal(0, result.ErrorCount);
        Assert.Equal(1, recorder.MaxInFlight);
        Assert.All(result.ScheduledTimestamps, due => Assert.Equal(result.ScheduledTimestamps[0], due));
        for (var i = 1; i < 10; i++)
        {
            Assert.True(recorder.Sent[i] >= recorder.Returned[i - 1], $"request {i} overlapped request {i - 1} on one connection");

            // Measured from its send, request i would look as fast as one exchange: from when it was due, it also
            // waited for every request before it (no coordinated omission).
            Assert.True(result.LatencyTicks[i] >= recorder.Returned[i] - recorder.Sent[0], $"request {i}: the wait for the connection is missing from its latency");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task RunAsync_RateNotPositiveAndFinite_Throws(double rate)
    {
        using var client = RequestDriver.CreateClient(FreePort.NextLoopbackUrl(), connections: 1);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RequestDriver.RunAsync(
            client, 1, 1, rate, _ => new HttpRequestMessage(HttpMethod.Post, "echo"), (_, status, _) => RequestDriver.SuccessStatus(status)));
    }

    private static HttpRequestMessage Reply(int i) =>
        ActivityPayloads.Post($"v3/conversations/c/activities/{i}", Encoding.UTF8.GetBytes($$"""{"type":"message","replyToId":"in-{{i}}"}"""));

    /// <summary>Notes, per request index (the URL's last segment), when the request reached the handler and when its response headers came back.</summary>
    private sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler { UseProxy = false })
    {
        private readonly Lock _gate = new();
        private int _inFlight;
        private int _maxInFlight;

        public ConcurrentDictionary<int, long> Sent { get; } = new();

        public ConcurrentDictionary<int, long> Returned { get; } = new();

        public int MaxInFlight
        {
            get
            {
                lock (_gate)
                {
                    return _maxInFlight;
                }
            }
        }

        public void Clear()
        {
            Sent.Clear();
            Returned.Clear();
            lock (_gate)
            {
                _maxInFlight = _inFlight;
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var index = int.Parse(request.RequestUri!.Segments[^1], CultureInfo.InvariantCulture);
            Sent[index] = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                _maxInFlight = Math.Max(_maxInFlight, ++_inFlight);
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Returned[index] = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    _inFlight--;
                }
            }
        }
    }
}
