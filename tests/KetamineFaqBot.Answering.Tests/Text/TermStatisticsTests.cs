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

    [Fact]
    public void KnownWithinOneSlip_EverySlipOfEveryKnownStem_SameAsComparingTheWholeVocabulary()
    {
        var vocabulary = TestCorpus.Passages.SelectMany(p => TextAnalysis.Stems(TermStatistics.Describe(p))).ToHashSet(StringComparer.Ordinal);
        var typed = vocabulary.Where(v => v.Length >= TermStatistics.MinTypoLength).SelectMany(Slips).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(typed);

        foreach (var word in typed)
        {
            var expected = word.Length < TermStatistics.MinTypoLength || vocabulary.Contains(word)
                ? null
                : vocabulary.Where(v => v.Length >= TermStatistics.MinTypoLength && EditDistance(word, v) == 1).Order(StringComparer.Ordinal).FirstOrDefault();
            Assert.True(expected == Terms.KnownWithinOneSlip(word), $"{word}: expected {expected ?? "null"}");
        }
    }

    private static IEnumerable<string> Slips(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
            yield return word.Insert(i, "q");
            yield return word[..i] + (word[i] == 'z' ? 'y' : 'z') + word[(i + 1)..];
            if (i + 1 < word.Length)
            {
                yield return word[..i] + word[i + 1] + word[i] + word[(i + 2)..];
            }
        }
    }

    // Restricted Damerau–Levenshtein distance, written out plainly as the oracle.
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
