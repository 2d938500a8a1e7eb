using KetamineFaqBot.Load.Driving;

namespace KetamineFaqBot.Load.Tests.Driving;

public sealed class PercentilesTests
{
    [Theory]
    [InlineData(50, 50)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(0.5, 1)]
    public void Of_OneToHundred_IsTheNearestRankValue(double percentile, double expected)
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse();

        Assert.Equal(expected, Percentiles.Of(values, percentile));
    }

    [Fact]
    public void Of_FewValues_IsAValueThatOccurred()
    {
        Assert.Equal(40, Percentiles.Of([10, 40, 20], 99));
        Assert.Equal(20, Percentiles.Of([10, 40, 20], 50));
    }

    [Fact]
    public void Of_NoValues_IsZero()
    {
        Assert.Equal(0, Percentiles.Of([], 99));
    }
}
