using KetamineFaqBot.Storage.Resilience;
using KetamineFaqBot.Storage.Tests.Support;

namespace KetamineFaqBot.Storage.Tests.Resilience;

public sealed class RecentConversationsTests
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);

    [Fact]
    public void Touched_ContainedUntilTimeToLivePasses()
    {
        var clock = TestClock.Create();
        var set = new RecentConversations(clock, TimeToLive, capacity: 10);
        set.Touch("a");

        clock.Advance(TimeToLive);
        Assert.True(set.Contains("a"));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(set.Contains("a"));
        Assert.Equal(0, set.Count);
    }

    [Fact]
    public void TouchedAgain_TimeToLiveStartsOver()
    {
        var clock = TestClock.Create();
        var set = new RecentConversations(clock, TimeToLive, capacity: 10);
        set.Touch("a");
        clock.Advance(TimeSpan.FromMinutes(50));

        set.Touch("a");
        clock.Advance(TimeSpan.FromMinutes(50));

        Assert.True(set.Contains("a"));
    }

    [Fact]
    public void PastCapacity_LeastRecentlyTouchedGoFirstAndNewestAlwaysStays()
    {
        var clock = TestClock.Create();
        var set = new RecentConversations(clock, TimeToLive, capacity: 10);
        for (var i = 0; i < 10; i++)
        {
            set.Touch("c" + i);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        set.Touch("c0");
        clock.Advance(TimeSpan.FromSeconds(1));
        var evicted = set.Touch("newest");

        Assert.Equal(2, evicted);
        Assert.Equal(9, set.Count);
        Assert.True(set.Contains("newest"));
        Assert.True(set.Contains("c0"));
        Assert.False(set.Contains("c1"));
        Assert.False(set.Contains("c2"));
        Assert.True(set.Contains("c3"));
    }

    [Fact]
    public void PastCapacity_ExpiredEntriesMakeRoomFirst()
    {
        var clock = TestClock.Create();
        var set = new RecentConversations(clock, TimeToLive, capacity: 10);
        for (var i = 0; i < 10; i++)
        {
            set.Touch("old" + i);
        }

        clock.Advance(TimeToLive + TimeSpan.FromSeconds(1));
        var evicted = set.Touch("new");

        Assert.Equal(0, evicted);
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void Removed_NotContained()
    {
        var set = new RecentConversations(TestClock.Create(), TimeToLive, capacity: 10);
        set.Touch("a");

        set.Remove("a");

        Assert.False(set.Contains("a"));
    }
}
