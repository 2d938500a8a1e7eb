using KetamineFaqBot.Answering.Guardrails.Prefilter;

namespace KetamineFaqBot.Answering.Tests.Guardrails.Prefilter;

public sealed class PatternParserTests
{
    [Fact]
    public void Parse_LoaderWrapper_WordNeighboursAroundBody()
    {
        var node = PatternParser.Parse(@"(?<![\w])(?:Ket)(?![\w])");

        var concat = Assert.IsType<ConcatNode>(node);
        Assert.Equal(new NotWordNeighbour(Before: true), concat.Items[0]);
        Assert.Equal(new NotWordNeighbour(Before: false), concat.Items[^1]);
        Assert.Equal([new CharNode('k'), new CharNode('e'), new CharNode('t')], Assert.IsType<ConcatNode>(concat.Items[1]).Items);
    }

    [Theory]
    [InlineData(@"a{2,3}", 2, 3)]
    [InlineData(@"a{2}", 2, 2)]
    [InlineData(@"a{0,}", 0, int.MaxValue)]
    [InlineData(@"a+?", 1, int.MaxValue)]
    [InlineData(@"a??", 0, 1)]
    public void Parse_Quantifiers_MinAndMax(string pattern, int min, int max)
    {
        var repeat = Assert.IsType<RepeatNode>(PatternParser.Parse(pattern));

        Assert.Equal((min, max), (repeat.Min, repeat.Max));
    }

    [Fact]
    public void Parse_BraceThatIsNoQuantifier_Literal() =>
        Assert.Equal([new CharNode('a'), new CharNode('{'), new CharNode('x'), new CharNode('}')],
            Assert.IsType<ConcatNode>(PatternParser.Parse("a{x}")).Items);

    [Theory]
    [InlineData(@"[i1]", "i1")]
    [InlineData(@"[- ]", "- ")]
    [InlineData(@"[SZ]", "sz")]
    [InlineData(@"[a-c]", "abc")]
    public void Parse_SmallClass_CharSet(string pattern, string chars) =>
        Assert.Equal(chars, Assert.IsType<CharSetNode>(PatternParser.Parse(pattern)).Chars);

    [Theory]
    [InlineData(@"[a-z]", "Unknown")]
    [InlineData(@"[^ab]", "Unknown")]
    [InlineData(@"\S", "Unknown")]
    [InlineData(@".", "Unknown")]
    [InlineData(@"é", "Unknown")]
    [InlineData(@"\w", "Word")]
    [InlineData(@"[\w]", "Word")]
    [InlineData(@"\W", "NonWord")]
    [InlineData(@"[^\w]", "NonWord")]
    public void Parse_ClassesTheAnalysisCannotList_AnyText(string pattern, string kind) =>
        Assert.Equal(Enum.Parse<CharKind>(kind), Assert.IsType<AnyText>(PatternParser.Parse(pattern)).Kind);

    [Fact]
    public void Parse_Lookarounds_Modelled()
    {
        var items = Assert.IsType<ConcatNode>(PatternParser.Parse(@"(?<=of )k(?!x)(?<!in )(?=y)")).Items;

        Assert.IsType<PositiveLook>(items[0]);
        Assert.True(((PositiveLook)items[0]).Behind);
        Assert.IsType<ZeroWidth>(items[2]);
        Assert.IsType<ZeroWidth>(items[3]);
        Assert.False(Assert.IsType<PositiveLook>(items[4]).Behind);
    }

    [Theory]
    [InlineData(@"(a)\1")]
    [InlineData(@"(?>ab)")]
    [InlineData(@"(?i)ab")]
    [InlineData(@"(?i:ab)")]
    [InlineData(@"(?(a)b|c)")]
    [InlineData(@"(?<n-m>a)")]
    [InlineData(@"[a-z-[aeiou]]")]
    public void Parse_ConstructOutsideTheAnalysis_NotSupported(string pattern) =>
        Assert.Throws<NotSupportedException>(() => PatternParser.Parse(pattern));
}
