using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Bot.Protocol;
using KetamineFaqBot.Bot.Turns;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace KetamineFaqBot.Bot.Tests.Turns;

/// <summary>One worker with room for one turn, so the second turn of any conversation finds the queue full.</summary>
public sealed class TurnDispatcherTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TurnDispatcher _queue;

    public TurnDispatcherTests()
    {
        _queue = new TurnDispatcher(MsOptions.Create(new BotOptions { Workers = 1, QueueCapacity = 1, QueueWaitMilliseconds = 2000 }), _clock);
    }

    [Fact]
    public async Task EnqueueAsync_RoomFreedWithinTheWait_Queued()
    {
        Assert.True(await _queue.EnqueueAsync(Item("first")));

        var second = _queue.EnqueueAsync(Item("second")).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(second.IsCompleted);
        Assert.True(_queue.Reader(0).TryRead(out var first));

        Assert.True(await second);
        Assert.Equal("first", first.Activity.Id);
        Assert.True(_queue.Reader(0).TryRead(out var queued));
        Assert.Equal("second", queued.Activity.Id);
    }

    [Fact]
    public async Task EnqueueAsync_NoRoomWithinTheWait_RefusedAndNotQueued()
    {
        Assert.True(await _queue.EnqueueAsync(Item("first")));

        var second = _queue.EnqueueAsync(Item("second")).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(2000));

        Assert.False(await second);
        Assert.True(_queue.Reader(0).TryRead(out _));
        Assert.False(_queue.Reader(0).TryRead(out _));
    }

    [Fact]
    public async Task EnqueueAsync_CallerGivesUp_Cancelled()
    {
        Assert.True(await _queue.EnqueueAsync(Item("first")));
        using var caller = new CancellationTokenSource();

        var second = _queue.EnqueueAsync(Item("second"), caller.Token).AsTask();
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(1, _queue.Reader(0).Count);
    }

    [Fact]
    public async Task WaitForRoomAsync_FullUntilTheWaitEnds_False()
    {
        Assert.True(await _queue.WaitForRoomAsync("c-1"));
        Assert.True(await _queue.EnqueueAsync(Item("first")));

        var room = _queue.WaitForRoomAsync("c-1").AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(2000));

        Assert.False(await room);
    }

    [Fact]
    public async Task WaitForRoomAsync_RoomFreed_True()
    {
        Assert.True(await _queue.EnqueueAsync(Item("first")));

        var room = _queue.WaitForRoomAsync("c-1").AsTask();
        Assert.False(room.IsCompleted);
        Assert.True(_queue.Reader(0).TryRead(out _));

        Assert.True(await room);
    }

    [Fact]
    public async Task EnqueueOwedAsync_FullLongerThanTheWait_StillQueued()
    {
        Assert.True(await _queue.EnqueueAsync(Item("first")));

        var owed = _queue.EnqueueOwedAsync(Item("owed")).AsTask();
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(owed.IsCompleted);
        Assert.True(_queue.Reader(0).TryRead(out _));

        Assert.True(await owed);
        Assert.True(_queue.Reader(0).TryRead(out var queued));
        Assert.Equal("owed", queued.Activity.Id);
    }

    [Fact]
    public async Task EnqueueAsync_QueueCompleted_Refused()
    {
        _queue.Complete();

        Assert.False(await _queue.EnqueueAsync(Item("late")));
        Assert.False(await _queue.EnqueueOwedAsync(Item("late")));
    }

    private static TurnWorkItem Item(string id) =>
        new(new Activity { Id = id, Type = ActivityTypes.Message, Conversation = new ConversationAccount { Id = "c-1" } }, NoSender.Instance);

    private sealed class NoSender : IActivitySender
    {
        public static readonly NoSender Instance = new();

        public TimeSpan TypingDelay => TimeSpan.Zero;

        public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The queue never sends.");
    }
}
