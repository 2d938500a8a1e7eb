using KetamineFaqBot.Answering.Text;

namespace KetamineFaqBot.Answering.Tests.Text;

public sealed class TextAnalysisTests
{
    [Theory]
    [InlineData("use", "used")]
    [InlineData("use", "using")]
    [InlineData("take", "taking")]
    [InlineData("effects", "effect")]
    [InlineData("addictive", "addict")]
    public void Stem_WordFamily_SameStem(string a, string b) =>
        Assert.Equal(TextAnalysis.Stem(a), TextAnalysis.Stem(b));

    [Theory]
    [InlineData("bring")]
    [InlineData("bed")]
    public void Stem_EndingWithoutAVowelBefore_Kept(string word) =>
        Assert.Equal(word, TextAnalysis.Stem(word));
}
