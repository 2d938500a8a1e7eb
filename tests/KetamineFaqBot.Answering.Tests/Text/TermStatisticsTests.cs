using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Answering.Text;

namespace KetamineFaqBot.Answering.Tests.Text;

public sealed class TermStatisticsTests
{
    private static readonly TermStatistics Terms = TermStatistics.For(TestCorpus.Passages.ToDictionary(p => p.Id));

    [Theory]
    [InlineData("treatmnt", "treatment")]
    [InlineData("traetment", "treatment")]
    [InlineData("treatmennt", "treatment")]
    [InlineData("treatmant", "treatment")]
    public void KnownWithinOneSlip_OneSlipOfAKnownStem_TheKnownStem(string typed, string expected) =>
        Assert.Equal(expected, Terms.KnownWithinOneSlip(typed));

    [Theory]
    [InlineData("treatment")]
    [InlineData("urine")]
    [InlineData("bladder")]
    [InlineData("trtmnt")]
    public void KnownWithinOneSlip_KnownShortOrFarWord_Null(string typed) =>
        Assert.Null(Terms.KnownWithinOneSlip(typed));
}
