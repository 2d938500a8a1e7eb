using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>Loading rule files from temp folders: validation errors and rule semantics.</summary>
public sealed class GuardrailsLoaderTests : IDisposable
{
    private const string ValidYaml = """
        version: 1
        lists:
          ket: ['ketamine', 'ket']
          domain: ['{ket}', 'depression']
        routes:
          crisis:
            - id: crisis.test
              description: Wanting to die.
              patterns: ['want to die']
              unless: ['(?:dont|do not) want to die']
          emergency:
            - id: emergency.test
              description: Not breathing.
              patterns: ['not breathing']
          refusal:
            - id: refusal.test
              description: Buying ketamine.
              patterns: ['buy {ket}']
          referral:
            - id: referral.test
              description: My dose.
              patterns: ['my dose']
              requires: [ket]
          smalltalk:
            - id: smalltalk.test
              description: Hello.
              response: smalltalk.greeting
              patterns: ['^hello$']
          out_of_scope:
            - id: scope.test
              description: No domain word.
              patterns: ['\w+']
              excludes: [domain]
        flags:
          - id: flag.test
            description: Mentions dying.
            flag: mentions_self_harm
            patterns: ['die']
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "kfaq-guardrails-" + Guid.NewGuid().ToString("N"));

    public GuardrailsLoaderTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_ValidFile_AppliesPrecedenceAndSemantics()
    {
        var rules = Load(ValidYaml);

        Assert.Equal(Route.Crisis, rules.Evaluate("buy ketamine, i want to die").Route);
        Assert.Equal(Route.Refusal, rules.Evaluate("buy ket").Route);
        Assert.Equal(Route.Smalltalk, rules.Evaluate("Hello").Route);
        Assert.Equal("smalltalk.greeting", rules.Evaluate("Hello").ResponseKey);
        Assert.Equal(Route.OutOfScope, rules.Evaluate("what is the weather").Route);
        Assert.Null(rules.Evaluate("what is depression").Route);
    }

    [Fact]
    public void Evaluate_PatternInsideLongerWord_DoesNotMatch() =>
        Assert.Null(Load(ValidYaml).Evaluate("can i buy a ticket to the depression talk").Route);

    [Fact]
    public void Evaluate_UnlessOverlapsMatch_CancelsOnlyThatMatch()
    {
        var rules = Load(ValidYaml);

        var negated = rules.Evaluate("i dont want to die");
        var negatedThenReal = rules.Evaluate("i dont want to die today. tomorrow i want to die");

        Assert.Equal(Route.OutOfScope, negated.Route);
        Assert.DoesNotContain("crisis.test", negated.Rules);
        Assert.True(negated.MentionsSelfHarm);
        Assert.Equal(Route.Crisis, negatedThenReal.Route);
    }

    [Fact]
    public void Evaluate_RequiresListMissing_RuleDoesNotFire()
    {
        var rules = Load(ValidYaml);

        Assert.Null(rules.Evaluate("is my dose of depression meds normal").Route);
        Assert.Equal(Route.Referral, rules.Evaluate("is my dose of ketamine normal").Route);
    }

    [Theory]
    [InlineData("  dental:\n    - id: dental.x\n      description: d\n      patterns: ['x']\n", null, "unknown route 'dental'")]
    [InlineData("  out_of_scope_extra:\n    - id: scope.x\n      description: d\n      patterns: ['x']\n", null, "unknown route 'out_of_scope_extra'")]
    [InlineData("    - id: crisis.test\n      description: d\n      patterns: ['x']\n", "crisis.test", "duplicate id")]
    [InlineData("    - id: refusal.bad\n      description: d\n      patterns: ['(unclosed']\n", "refusal.bad", "invalid pattern")]
    [InlineData("    - id: refusal.bad\n      description: d\n      patterns: ['{nosuchlist}']\n", "refusal.bad", "unknown list reference '{nosuchlist}'")]
    [InlineData("    - id: refusal.bad\n      description: d\n      patterns: []\n", "refusal.bad", "'patterns' is empty")]
    [InlineData("    - id: refusal.bad\n      description: d\n      patterns: ['x']\n      requires: [nosuchlist]\n", "refusal.bad", "unknown list 'nosuchlist'")]
    [InlineData("    - id: refusal.bad\n      patterns: ['x']\n", "refusal.bad", "no 'description'")]
    public void Load_BrokenRule_ThrowsNamingFileRuleAndProblem(string insert, string? ruleId, string problem)
    {
        // Route sections go in as new routes; single rules are added to the refusal route.
        var anchor = insert.StartsWith("  -", StringComparison.Ordinal) || insert.StartsWith("    -", StringComparison.Ordinal) ? "  refusal:\n" : "routes:\n";
        var yaml = ValidYaml.Replace(anchor, anchor + insert, StringComparison.Ordinal);

        var ex = Assert.Throws<GuardrailsFileException>(() => Load(yaml));

        Assert.Contains(Path.Combine(folder, GuardrailsLoader.FileName), ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.Equal(ruleId, ex.RuleId);
    }

    [Fact]
    public void Load_OutOfScopeIdWithoutScopePrefix_Throws()
    {
        var yaml = ValidYaml.Replace("id: scope.test", "id: oos.test", StringComparison.Ordinal);

        var ex = Assert.Throws<GuardrailsFileException>(() => Load(yaml));

        Assert.Equal("oos.test", ex.RuleId);
        Assert.Contains("must start with 'scope.'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RouteSectionTwice_Throws()
    {
        var yaml = ValidYaml.Replace("routes:\n", "routes:\n  refusal:\n    - id: refusal.other\n      description: d\n      patterns: ['x']\n", StringComparison.Ordinal);

        Assert.Throws<GuardrailsFileException>(() => Load(yaml));
    }

    [Fact]
    public void Load_InvalidYaml_ThrowsWithLine()
    {
        var ex = Assert.Throws<GuardrailsFileException>(() => Load("version: 1\nroutes:\n  crisis: [\n"));

        Assert.Contains("invalid YAML at line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspelledField_Throws()
    {
        var yaml = ValidYaml.Replace("patterns: ['my dose']", "paterns: ['my dose']", StringComparison.Ordinal);

        Assert.Throws<GuardrailsFileException>(() => Load(yaml));
    }

    [Fact]
    public void Load_UnknownFlag_Throws()
    {
        var yaml = ValidYaml.Replace("flag: mentions_self_harm", "flag: mentions_cats", StringComparison.Ordinal);

        var ex = Assert.Throws<GuardrailsFileException>(() => Load(yaml));

        Assert.Equal("flag.test", ex.RuleId);
    }

    [Fact]
    public void Load_MissingSafetyRoute_Throws()
    {
        var yaml = ValidYaml.Replace("  emergency:\n", "  smalltalk_placeholder_removed:\n", StringComparison.Ordinal)
            .Replace("smalltalk_placeholder_removed", "smalltalk", StringComparison.Ordinal);

        Assert.Throws<GuardrailsFileException>(() => Load(yaml));
    }

    [Fact]
    public void Load_SelfReferencingList_Throws()
    {
        var yaml = ValidYaml.Replace("ket: ['ketamine', 'ket']", "ket: ['ketamine', '{ket}']", StringComparison.Ordinal);

        var ex = Assert.Throws<GuardrailsFileException>(() => Load(yaml));

        Assert.Equal("lists.ket", ex.RuleId);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingFile()
    {
        var ex = Assert.Throws<GuardrailsFileException>(() => GuardrailsLoader.Load(folder));

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RealPromptsFolder_LoadsEveryRouteAndFlag()
    {
        var rules = RealPrompts.Rules;

        Assert.Contains("flag.mentions-self-harm", rules.RuleIds);
        Assert.Contains(rules.RuleIds, id => id.StartsWith("scope.", StringComparison.Ordinal));
        Assert.Equal(rules.RuleIds.Count, rules.RuleIds.Distinct(StringComparer.Ordinal).Count());
    }

    private KetamineFaqBot.Answering.Guardrails.Guardrails Load(string yaml)
    {
        File.WriteAllText(Path.Combine(folder, GuardrailsLoader.FileName), yaml);
        return GuardrailsLoader.Load(folder);
    }
}
