using KetamineFaqBot.Answering.Conversations;
using KetamineFaqBot.Core.Conversations;
using Microsoft.Extensions.Time.Testing;

namespace KetamineFaqBot.Answering.Tests.Conversations;

public sealed class InMemoryConversationStoreTests
{
    private static readonly ConversationState Flagged = new([], true);

    [Fact]
    public async Task LoadAsync_AfterTimeToLive_ReturnsEmpty()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryConversationStore(time, timeToLive: TimeSpan.FromMinutes(30));
        await store.SaveAsync("c", Flagged);

        time.Advance(TimeSpan.FromMinutes(29));
        Assert.True((await store.LoadAsync("c")).CrisisFlag);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Same(ConversationState.Empty, await store.LoadAsync("c"));
    }

    [Fact]
    public async Task SaveAsync_OverCapacity_EvictsOldest()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryConversationStore(time, capacity: 2);
        foreach (var id in new[] { "a", "b", "c" })
        {
            await store.SaveAsync(id, Flagged);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(2, store.Count);
        Assert.False((await store.LoadAsync("a")).CrisisFlag);
        Assert.True((await store.LoadAsync("c")).CrisisFlag);
    }

    [Fact]
    public async Task SaveAsync_OverCapacity_EvictsDownToNineTenthsOldestFirst()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryConversationStore(time, capacity: 20);
        for (var i = 0; i < 21; i++)
        {
            await store.SaveAsync("c" + i, Flagged);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(18, store.Count);
        Assert.False((await store.LoadAsync("c2")).CrisisFlag);
        Assert.True((await store.LoadAsync("c3")).CrisisFlag);
        Assert.True((await store.LoadAsync("c20")).CrisisFlag);
    }

    [Fact]
    public async Task ResetAsync_ForgetsConversation()
    {
        var store = new InMemoryConversationStore();
        await store.SaveAsync("c", Flagged);

        await store.ResetAsync("c");

        Assert.False((await store.LoadAsync("c")).CrisisFlag);
    }
}
