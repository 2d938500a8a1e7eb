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
        Assert.Equal(new TextNode("ket"), concat.Items[1]);
    }

    [Fact]
    public void Parse_QuantifierAfterText_BindsToLastCharacterOnly() =>
        Assert.Equal([new TextNode("ab"), new RepeatNode(new CharNode('c'), 1, int.MaxValue)],
            Assert.IsType<ConcatNode>(PatternParser.Parse("abc+")).Items);

    [Fact]
    public void Parse_SameGroupTextTwice_SameNode()
    {
        var groups = new Dictionary<string, PatternNode>(StringComparer.Ordinal);

        var first = Assert.IsType<ConcatNode>(PatternParser.Parse("(?:a|b)x", groups));
        var second = Assert.IsType<ConcatNode>(PatternParser.Parse("y(?:a|b)", groups));

        Assert.Same(first.Items[0], second.Items[1]);
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
        Assert.Equal(new TextNode("a{x}"), PatternParser.Parse("a{x}"));

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
