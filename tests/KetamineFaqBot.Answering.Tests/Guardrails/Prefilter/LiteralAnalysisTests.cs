using System.Text.RegularExpressions;
using KetamineFaqBot.Answering.Guardrails.Prefilter;

namespace KetamineFaqBot.Answering.Tests.Guardrails.Prefilter;

/// <summary>
/// The literal analysis over small patterns, each wrapped as the loader wraps rules. Every case checks soundness
/// (a match is never ruled out, a proof is never wrong) and then what the filter concluded.
/// </summary>
public sealed class LiteralAnalysisTests
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    [Theory]
    [InlineData("ketamine", "is ketamine safe", true, true)]
    [InlineData("ketamine", "ketamines", false, false)]
    [InlineData("ketamine", "esketamine", false, false)]
    [InlineData(@"ketamine\w*", "ketamines", true, true)]
    [InlineData("infusions?", "two infusions.", true, true)]
    [InlineData(@"su+[i1]?[cs]+[i1]?d\w*", "suicidal", true, false)]
    [InlineData(@"su+[i1]?[cs]+[i1]?d\w*", "is this an issue", false, false)]
    [InlineData("kill(?:s|ed)? my ?self", "he killed myself", true, true)]
    [InlineData("kill(?:s|ed)? my ?self", "skill myself", false, false)]
    public void Analyse_WholeWordPatterns_RuledOutOrProven(string pattern, string text, bool may, bool proven)
    {
        var (mayMatch, isProven) = Check(pattern, text);

        Assert.Equal(may, mayMatch);
        Assert.Equal(proven, isProven);
    }

    [Theory]
    [InlineData("awesome k")]
    [InlineData("some k")]
    [InlineData("of k")]
    public void Analyse_PositiveLookbehind_TextBeforeTheMatchIsNotBounded(string text)
    {
        // The lookbehind's text begins before the match, so the match's word boundary says nothing about it:
        // "awesome k" matches (the lookbehind only sees "some ").
        var (may, _) = Check(@"(?<=(?:some|of) )k", text);

        Assert.True(may);
    }

    [Fact]
    public void Analyse_PositiveLookbehind_RequiresItsText() =>
        Assert.False(Check(@"(?<=(?:some|of) )k", "a k").May);

    [Theory]
    [InlineData("thanks", true)]
    [InlineData("ok thanks!", true)]
    [InlineData("thanks a lot for that", false)]
    [InlineData("tanks", false)]
    public void Analyse_AnchoredSmalltalk_BoundariesFromNonWordRuns(string text, bool matches)
    {
        var (may, _) = Check(@"^\W*(?:(?:ok|so)\W+)*(?:thanks?|k)(?:\W+(?:ok|so))*\W*$", text);

        Assert.Equal(matches, Regex.IsMatch(text, @"^\W*(?:(?:ok|so)\W+)*(?:thanks?|k)(?:\W+(?:ok|so))*\W*$", Options));
        if (matches)
        {
            Assert.True(may);
        }
    }

    [Fact]
    public void Analyse_SingleLetterAlternativeBoundedByNonWordRuns_RuledOutInsideWords() =>
        Assert.False(Check(@"^\W*(?:(?:ok|so)\W+)*(?:thanks?|k)(?:\W+(?:ok|so))*\W*$", "is ketamine addictive").May);

    [Theory]
    [InlineData(@"(?<!in )order", "in order to", false)]
    [InlineData(@"(?<!in )order", "order some", true)]
    [InlineData(@"end(?:ing)? it(?! (?:with|early))", "ending it early", false)]
    [InlineData(@"end(?:ing)? it(?! (?:with|early))", "ending it now", true)]
    public void Analyse_NegativeLookarounds_NeverRuleOutAMatch(string pattern, string text, bool matches)
    {
        var (may, proven) = Check(pattern, text);

        Assert.Equal(matches, Regex.IsMatch(text, $@"(?<![\w])(?:{pattern})(?![\w])", Options));
        Assert.True(may);
        Assert.False(proven);
    }

    [Theory]
    [InlineData(@"(?:\w+ ){0,3}dose", "the right dose")]
    [InlineData(@"how (?:much|many)(?: \S+){0,6} to die", "how much ketamine would it take to die")]
    [InlineData(@"(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)(?:k|l)(?:m|n)(?:o|p)(?:q|r)", "acegikmoq")]
    [InlineData(@"\d+(?:\.\d+)? ?(?:mg|ml)", "take 0.5mg")]
    [InlineData(@"x(?:ab){2,3}y", "xababy")]
    public void Analyse_GapsAndLargeProducts_StillSound(string pattern, string text)
    {
        var (may, _) = Check(pattern, text);

        Assert.True(may);
    }

    [Fact]
    public void Requirement_AlternationInWrapper_KeepsWordBoundariesPerBranch()
    {
        var table = new LiteralTable();
        var regex = table.Add(new Regex(@"(?<![\w])(?:(?:ket|k-?hole))(?![\w])", Options));
        table.Freeze();

        var description = table.Describe(regex.Condition);

        Assert.Contains("<'ket'>", description, StringComparison.Ordinal);
        Assert.Contains("<'k-hole'>", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_UnsupportedConstruct_AlwaysRuns()
    {
        var table = new LiteralTable();
        var regex = table.Add(new Regex(@"(?<![\w])(?:(a)\1)(?![\w])", Options));
        table.Freeze();

        Assert.True(table.IsAlways(regex.Condition));
        Assert.True(regex.MayMatch(MessageScan.For(table, "nothing here")));
    }

    /// <summary>Wraps the pattern as the loader does, checks soundness on the text, and returns the filter's view.</summary>
    private static (bool May, bool Proven) Check(string pattern, string text)
    {
        var table = new LiteralTable();
        var regex = new Regex($@"(?<![\w])(?:{pattern})(?![\w])", Options, TimeSpan.FromSeconds(1));
        var filtered = table.Add(regex);
        table.Freeze();
        var scan = MessageScan.For(table, text);
        var matches = regex.IsMatch(text);
        var may = filtered.MayMatch(scan);
        var proven = filtered.Proofs.Any(p => LiteralTable.ProofPresent(p, scan));

        Assert.True(scan.Enabled);
        Assert.True(!matches || may, $"'{pattern}' matches \"{text}\" but the filter ruled it out");
        Assert.True(!proven || matches, $"'{pattern}' does not match \"{text}\" but a proof claimed it");
        Assert.Equal(matches, filtered.IsMatch(text, scan));
        return (may, proven);
    }
}
