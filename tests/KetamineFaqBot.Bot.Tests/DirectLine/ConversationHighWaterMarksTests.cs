using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Options;
using KetamineFaqBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace KetamineFaqBot.Bot.Tests.DirectLine;

/// <summary>When this instance may answer "nothing new" for the store, and every case where it must not.</summary>
public sealed class ConversationHighWaterMarksTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task IsAtEnd_CreatedHereThenAppended_OnlyAtOrAfterTheLastSequence()
    {
        var marks = Marks();
        await marks.CreateAsync("c", () => Task.FromResult(true));
        marks.Appended("c", 1, _time.GetUtcNow());
        marks.Appended("c", 2, _time.GetUtcNow());

        Assert.False(marks.IsAtEnd("c", 0, out _));
        Assert.False(marks.IsAtEnd("c", 1, out _));
        Assert.True(marks.IsAtEnd("c", 2, out var last));
        Assert.Equal(2, last);
        Assert.True(marks.IsAtEnd("c", 9, out last));
        Assert.Equal(2, last);
    }

    [Fact]
    public async Task IsAtEnd_AppendCommittedWhileTheCreateWasReturning_Counted()
    {
        var marks = Marks();
        await marks.CreateAsync("c", () =>
        {
            // Another request's append lands between the store's create and the mark becoming authoritative.
            marks.Appended("c", 1, _time.GetUtcNow());
            return Task.FromResult(true);
        });

        Assert.False(marks.IsAtEnd("c", 0, out _));
        Assert.True(marks.IsAtEnd("c", 1, out _));
    }

    [Fact]
    public async Task IsAtEnd_ConversationTheStoreAlreadyHad_NeverAnswersForIt()
    {
        var marks = Marks();
        await marks.CreateAsync("c", () => Task.FromResult(false));
        marks.Appended("c", 7, _time.GetUtcNow());

        Assert.False(marks.IsAtEnd("c", 7, out _));
    }

    [Fact]
    public void IsAtEnd_AppendsToAConversationNotCreatedHere_NeverAnswersForIt()
    {
        var marks = Marks();
        marks.Appended("c", 3, _time.GetUtcNow());

        Assert.False(marks.IsAtEnd("c", 3, out _));
        Assert.Equal(0, marks.Count);
    }

    [Fact]
    public async Task IsAtEnd_AfterAFailedAppend_ReadsTheStoreFromThenOn()
    {
        var marks = Marks();
        await marks.CreateAsync("c", () => Task.FromResult(true));
        marks.Appended("c", 1, _time.GetUtcNow());

        marks.Forget("c");
        marks.Appended("c", 2, _time.GetUtcNow());

        Assert.False(marks.IsAtEnd("c", 2, out _));
    }

    [Fact]
    public async Task IsAtEnd_RetentionPassedSinceTheLastAppendStarted_ReadsTheStore()
    {
        var marks = Marks(retention: TimeSpan.FromMinutes(10));
        await marks.CreateAsync("c", () => Task.FromResult(true));
        _time.Advance(TimeSpan.FromMinutes(6));
        marks.Appended("c", 1, _time.GetUtcNow());

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.True(marks.IsAtEnd("c", 1, out _));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(marks.IsAtEnd("c", 1, out _));
    }

    [Fact]
    public async Task IsAtEnd_Redis_NeverAnswersForTheStore()
    {
        var marks = Marks(provider: StorageProvider.Redis);
        await marks.CreateAsync("c", () => Task.FromResult(true));
        marks.Appended("c", 1, _time.GetUtcNow());

        Assert.False(marks.Enabled);
        Assert.False(marks.IsAtEnd("c", 1, out _));
        Assert.Equal(0, marks.Count);
    }

    [Fact]
    public async Task CreateAsync_Full_LeavesTheNewConversationToTheStoreUntilOldOnesExpire()
    {
        var marks = Marks(capacity: 1, retention: TimeSpan.FromMinutes(10));
        await marks.CreateAsync("a", () => Task.FromResult(true));
        await marks.CreateAsync("b", () => Task.FromResult(true));

        Assert.True(marks.IsAtEnd("a", 0, out _));
        Assert.False(marks.IsAtEnd("b", 0, out _));

        _time.Advance(TimeSpan.FromMinutes(10));
        await marks.CreateAsync("c", () => Task.FromResult(true));
        Assert.True(marks.IsAtEnd("c", 0, out _));
        Assert.Equal(1, marks.Count);
    }

    private ConversationHighWaterMarks Marks(StorageProvider provider = StorageProvider.Sqlite, int capacity = 100, TimeSpan? retention = null) => new(
        Microsoft.Extensions.Options.Options.Create(new DirectLineOptions { TrackedConversations = capacity }),
        Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = provider, ActivityLogRetention = retention ?? TimeSpan.FromDays(1) }),
        _time);
}
