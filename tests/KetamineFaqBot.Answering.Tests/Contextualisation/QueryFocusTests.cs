using KetamineFaqBot.Answering.Contextualisation;
using KetamineFaqBot.Answering.Tests.Guardrails;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Answering.Text;

namespace KetamineFaqBot.Answering.Tests.Contextualisation;

public sealed class QueryFocusTests
{
    private static readonly Lazy<QueryFocus> Real = new(() => QueryFocus.Load(RepositoryPaths.Prompts));
    private static readonly TermStatistics Terms = TermStatistics.For(TestCorpus.Passages.ToDictionary(p => p.Id));

    [Theory]
    [InlineData("a caller wants to know how to find a ketamine clinical trial, what should i say", "how to find a ketamine clinical trial")]
    [InlineData("what do we tell patients who ask whether ketamine is addictive?", "ketamine is addictive?")]
    [InlineData("our front desk keeps getting asked if ketamine is a street drug, what's the answer?", "ketamine is a street drug")]
    [InlineData("A patient asked me whether insurance covers ketamine", "insurance covers ketamine")]
    [InlineData("the reception team gets asked about ketamine side effects - how should we respond?", "ketamine side effects")]
    public void Focus_StaffFraming_Removed(string message, string expected)
    {
        Assert.Equal(expected, Real.Value.Focus(message, Terms));
    }

    [Theory]
    [InlineData("how addictive is ketamine for depression?")]
    [InlineData("is ketamine safe, and what are the side effects?")]
    [InlineData("ketamine and ECT, which one worked better?")]
    [InlineData("what should I say")]
    public void Focus_PlainQuestions_Unchanged(string message)
    {
        Assert.Equal(message, Real.Value.Focus(message, Terms));
    }

    [Fact]
    public void Focus_LeadingClauseTheCorpusDoesNotKnow_Dropped()
    {
        var focused = Real.Value.Focus("my sister passed away last winter, does ketamine help treatment resistant depression?", Terms);

        Assert.Equal("does ketamine help treatment resistant depression?", focused);
    }

    [Fact]
    public void Focus_LeadingClauseTheCorpusKnows_Kept()
    {
        const string message = "ketamine depression treatment, is it addictive?";

        Assert.Equal(message, Real.Value.Focus(message, Terms));
    }

    [Theory]
    [InlineData("helpful")]
    [InlineData("useful")]
    [InlineData("cheers")]
    [InlineData("perfect")]
    public void IsUninformative_AcknowledgingAnAnswer_SaysNothingAboutATopic(string word)
    {
        // "ok thanks, that's really helpful" after an answer must stay small talk, not be tried as a follow-up.
        Assert.True(Real.Value.IsUninformative(word));
        Assert.False(Real.Value.IsUninformative("insurance"));
    }

    [Fact]
    public void Focus_PatternRunsOutOfTime_SkippedAndTheOtherPatternsStillApply()
    {
        // A busy machine (or a pattern that backtracks) must never cost the patient an answer.
        var folder = Directory.CreateTempSubdirectory("kfaq-focus-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, QueryFocus.FileName), "framing:\n  - '^(\\w+\\s?)*$'\n  - 'my receptionist asks'\n");
            var focus = QueryFocus.Load(folder.FullName);
            var message = new string('a', 40) + "! my receptionist asks does insurance cover ketamine treatment";

            var focused = focus.Focus(message, Terms);

            Assert.DoesNotContain("receptionist", focused, StringComparison.Ordinal);
            Assert.Contains("insurance cover ketamine treatment", focused, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_InvalidPattern_ClearError()
    {
        var folder = Directory.CreateTempSubdirectory("kfaq-focus-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, QueryFocus.FileName), "framing:\n  - 'ok'\n  - '(unclosed'\n");

            var error = Assert.Throws<InvalidDataException>(() => QueryFocus.Load(folder.FullName));

            Assert.Contains("framing pattern 2 is not a valid regular expression", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_MissingFile_ClearError()
    {
        var folder = Directory.CreateTempSubdirectory("kfaq-focus-");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => QueryFocus.Load(folder.FullName));

            Assert.Contains("query-focus.yaml is missing", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("usually")]
    [InlineData("someone")]
    [InlineData("Whats")]
    [InlineData("used")]
    [InlineData("husband")]
    public void IsUninformative_ListedWord_True(string word) =>
        Assert.True(Real.Value.IsUninformative(word));

    [Theory]
    [InlineData("urine")]
    [InlineData("ptsd")]
    [InlineData("insurance")]
    [InlineData("evening")]
    [InlineData("im")]
    [InlineData("iv")]
    public void IsUninformative_TopicWord_False(string word) =>
        Assert.False(Real.Value.IsUninformative(word));

    [Fact]
    public void Focus_TimeFrameOfTheWritersStory_Removed()
    {
        var focused = Real.Value.Focus("my son is starting ketamine infusions next month, could he end up addicted to it?", Terms);

        Assert.DoesNotContain("next month", focused, StringComparison.Ordinal);
        Assert.Contains("addicted", focused, StringComparison.Ordinal);
    }

    [Fact]
    public void Focus_DurationAsked_Kept()
    {
        const string message = "do we know if ketamine is safe to use for years";

        Assert.Equal(message, Real.Value.Focus(message, Terms));
    }

    [Fact]
    public void Focus_AskerAtAPlaceAndEvidenceHandOver_Removed()
    {
        var focused = Real.Value.Focus("A customer at the pharmacy asked me whether k can turn into a dependency. What does the evidence say?", Terms);

        Assert.Equal("k can turn into a dependency", focused);
    }

    [Fact]
    public void Load_UninformativeEntryOfTwoWords_ClearError()
    {
        var folder = Directory.CreateTempSubdirectory("kfaq-focus-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, QueryFocus.FileName), "framing: []\nuninformative:\n  hedges: [usually, kind of]\n");

            var error = Assert.Throws<InvalidDataException>(() => QueryFocus.Load(folder.FullName));

            Assert.Contains("kind of", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
    [Theory]
    [InlineData("how fast does ketamine work for depression? my cousin swears by yoga retreats", "how fast does ketamine work for depression?")]
    [InlineData("when did clinics start offering ketamine, i figured it was only for horses", "when did clinics start offering ketamine")]
    public void Focus_TrailingRemarkTheCorpusDoesNotKnow_Dropped(string message, string expected)
    {
        Assert.Equal(expected, Real.Value.Focus(message, Terms));
    }

    [Theory]
    [InlineData("is ketamine expensive? and does insurance cover it")]
    [InlineData("is ketamine expensive? insurance may not cover the treatment")]
    [InlineData("my cousin swears by yoga retreats, lol")]
    public void Focus_TrailingQuestionOrKnownRemark_Kept(string message)
    {
        Assert.Equal(message, Real.Value.Focus(message, Terms));
    }

    [Fact]
    public void Focus_HowOftenAndEvidenceHandOverOfTheStory_Removed()
    {
        var focused = Real.Value.Focus("my wife gets ketamine every few weeks, is it expensive? is there any research on that", Terms);

        Assert.DoesNotContain("every few weeks", focused, StringComparison.Ordinal);
        Assert.DoesNotContain("research", focused, StringComparison.Ordinal);
        Assert.Contains("expensive", focused, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wat r the side effects of ket", "what are the side effects of ketamine")]
    [InlineData("will the doc explain the risks b4 i start", "will the doctor explain the risks before i start")]
    [InlineData("do clinics keep tabs on u after, like follow up appts", "do clinics keep tabs on you after, like follow up appointments")]
    public void Respell_TextSpeak_WrittenOut(string message, string expected)
    {
        Assert.Equal(expected, Real.Value.Respell(message));
    }

    [Theory]
    [InlineData("Is ketamine addictive?")]
    [InlineData("does it raise blood pressure or heart rate")]
    [InlineData("is spravato covered by medicare")]
    public void Respell_PlainWords_Unchanged(string message)
    {
        Assert.Equal(message, Real.Value.Respell(message));
    }

    [Fact]
    public void Focus_SearchesTheRespeltQuestion()
    {
        var focused = Real.Value.Focus("is ket lowkey addictive tbh", Terms);

        Assert.Contains("ketamine", focused, StringComparison.Ordinal);
        Assert.DoesNotContain("ket ", focused, StringComparison.Ordinal);
        Assert.True(Real.Value.IsUninformative("lowkey"));
        Assert.True(Real.Value.IsUninformative("tbh"));
    }

    [Theory]
    [InlineData("spelling:\n  side effects: adverse effects\n", "side effects")]
    [InlineData("spelling:\n  ur: \"\"\n", "ur")]
    public void Load_SpellingEntryNotOneWordOrEmpty_ClearError(string section, string named)
    {
        var folder = Directory.CreateTempSubdirectory("kfaq-focus-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, QueryFocus.FileName), "framing: []\n" + section);

            var error = Assert.Throws<InvalidDataException>(() => QueryFocus.Load(folder.FullName));

            Assert.Contains(QueryFocus.FileName, error.Message, StringComparison.Ordinal);
            Assert.Contains(named, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
