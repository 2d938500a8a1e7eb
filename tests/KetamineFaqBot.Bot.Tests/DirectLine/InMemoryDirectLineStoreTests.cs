using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

public sealed class InMemoryDirectLineStoreTests
{
    [Fact]
    public async Task AppendAsync_AssignsSequentialIdsAndMonotonicTimestamps()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var store = new InMemoryDirectLineStore(time);
        await store.CreateConversationAsync("c");
        var first = new Activity { Type = "message" };
        var second = new Activity { Type = "message" };

        await store.AppendAsync("c", first);
        await store.AppendAsync("c", second);

        Assert.Equal(("c|0000001", "c|0000002"), (first.Id, second.Id));
        Assert.True(second.Timestamp > first.Timestamp);
    }

    [Fact]
    public async Task GetAfterAsync_ExpiredTyping_IsLeftOutButWatermarkMovesPastIt()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryDirectLineStore(time);
        await store.CreateConversationAsync("c");
        await store.AppendAsync("c", new Activity { Type = "typing" }, time.GetUtcNow().AddSeconds(5));
        Assert.Single((await store.GetAfterAsync("c", 0, 10))!.Activities);

        time.Advance(TimeSpan.FromSeconds(6));
        var page = await store.GetAfterAsync("c", 0, 10);

        Assert.Empty(page!.Activities);
        Assert.Equal(1, page.Watermark);
    }

    [Fact]
    public async Task UnknownConversation_ReturnsNull()
    {
        var store = new InMemoryDirectLineStore(TimeProvider.System);

        Assert.Null(await store.AppendAsync("nope", new Activity { Type = "message" }));
        Assert.Null(await store.GetAfterAsync("nope", 0, 10));
        Assert.False(await store.CreateConversationAsync("x") && await store.CreateConversationAsync("x"));
    }
}
