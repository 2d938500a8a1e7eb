using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KetamineFaqBot.Bot.Tests.BotFramework;

/// <summary>
/// Typing on /api/messages with the shipped 1 s delay, on a fake clock: the test moves time only once the turn is
/// waiting on it, so "slow" and "fast" are decided by the test, never by how busy the machine is.
/// </summary>
public sealed class MessagesTypingTests : IAsyncLifetime
{
    private static readonly TimeSpan TypingDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(3);

    private readonly SignallingTimeProvider _clock = new();
    private FakeConnector _connector = null!;
    private BotTestHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = BotTestHost.Start(
            new Dictionary<string, string?> { ["Bot:TypingDelayMilliseconds"] = "1000", [FakeConnector.ReplyPortSetting] = _connector.ReplyPort },
            services => services.AddSingleton<TimeProvider>(_clock));
        _http = _host.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Message_AnswerSlowerThanTypingDelay_SendsTypingBeforeReplyAndRepeatsIt()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Answers.Gate = gate;

        Assert.Equal(HttpStatusCode.OK, await PostAsync("conv-slow", "in-slow", "slow question"));
        await _clock.WaitForTimerAsync(TypingDelay);
        Assert.False(_connector.TryTake(out _));

        _clock.Advance(TypingDelay);
        var firstTyping = await _connector.NextAsync();
        await _clock.WaitForTimerAsync(TypingInterval);
        _clock.Advance(TypingInterval);
        var secondTyping = await _connector.NextAsync();
        gate.SetResult();
        var reply = await _connector.NextAsync();

        Assert.Equal(["typing", "typing", "message"], new[] { firstTyping, secondTyping, reply }.Select(p => (string?)p.Body["type"]));
        Assert.Null(firstTyping.Body["text"]);
        Assert.Equal("in-slow", (string?)firstTyping.Body["replyToId"]);
        Assert.Contains("slow question", (string?)reply.Body["text"], StringComparison.Ordinal);
        Assert.False(_connector.TryTake(out _));
    }

    [Fact]
    public async Task Message_AnswerFasterThanTypingDelay_SendsNoTyping()
    {
        // The answer is still running when the typing timer starts, and finishes before the clock reaches 1 s.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Answers.Gate = gate;

        Assert.Equal(HttpStatusCode.OK, await PostAsync("conv-fast", "in-fast", "fast question"));
        await _clock.WaitForTimerAsync(TypingDelay);
        _clock.Advance(TypingDelay - TimeSpan.FromMilliseconds(1));
        gate.SetResult();
        var reply = await _connector.NextAsync();

        // A second turn of the same conversation is answered after the first, so anything the first turn still sent
        // would arrive before this reply.
        _host.Answers.Gate = null;
        Assert.Equal(HttpStatusCode.OK, await PostAsync("conv-fast", "in-second", "second question"));
        var next = await _connector.NextAsync();

        Assert.Equal("message", (string?)reply.Body["type"]);
        Assert.Contains("fast question", (string?)reply.Body["text"], StringComparison.Ordinal);
        Assert.Equal("message", (string?)next.Body["type"]);
        Assert.Contains("second question", (string?)next.Body["text"], StringComparison.Ordinal);
        Assert.False(_connector.TryTake(out _));
    }

    private async Task<HttpStatusCode> PostAsync(string conversation, string id, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.BaseAddress.AbsoluteUri,
            ["from"] = new JsonObject { ["id"] = "29:user" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot-id" },
            ["conversation"] = new JsonObject { ["id"] = conversation },
            ["text"] = text,
        };
        using var response = await _http.PostAsJsonAsync("api/messages", activity);
        return response.StatusCode;
    }

    /// <summary>A fake clock that reports every timer created on it, so a test advances time only once code waits on it.</summary>
    private sealed class SignallingTimeProvider : FakeTimeProvider
    {
        private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _created.Writer.TryWrite(dueTime);
            return timer;
        }

        /// <summary>Waits until a timer due after <paramref name="dueTime"/> has been created; fails the test after 20 s.</summary>
        public async Task WaitForTimerAsync(TimeSpan dueTime)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (await _created.Reader.ReadAsync(timeout.Token) != dueTime)
            {
            }
        }
    }
}
