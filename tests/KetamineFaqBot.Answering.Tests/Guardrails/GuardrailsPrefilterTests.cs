using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Answering.Guardrails.Prefilter;
using KetamineFaqBot.Answering.Normalisation;
using KetamineFaqBot.Core.Answering;
using Xunit.Abstractions;

namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>
/// The literal pre-filter must never change a decision. These checks hold the filtered evaluation equal to running
/// every rule's regular expressions, over every evaluation message, the guardrail test data, the corpus text and
/// deterministic recombinations of them, in any build configuration.
/// </summary>
public sealed class GuardrailsPrefilterTests(ITestOutputHelper output)
{
    private static readonly MessageNormaliser Normaliser = new(new MessageNormaliserOptions());
    private static readonly Lazy<IReadOnlyList<string>> LazyMessages = new(BuildMessages);

    private static KetamineFaqBot.Answering.Guardrails.Guardrails Rules
    {
        get
        {
            // The pre-filter is built in the background after loading; these tests are about the filtered path.
            var rules = RealPrompts.Rules;
            rules.WaitForPrefilter();
            return rules;
        }
    }

    [Fact]
    public void WaitForPrefilter_RealRuleFile_PrefilterInForce()
    {
        // A failed analysis is swallowed (every pattern then runs); this makes sure the real rules do not fail it.
        Assert.True(Rules.IsPrefiltered);
    }

    [Fact]
    public void Load_FreshRules_SameDecisionsBeforeAndAfterThePrefilterIsReady()
    {
        var rules = GuardrailsLoader.Load(RepositoryPaths.Prompts);
        string[] texts = ["i want to kill myself", "is ketamine addictive?", "where can i buy ket online", "hi", "who won the cup"];

        // Whatever the background build has reached, decisions never depend on it.
        var early = texts.Select(t => Describe(rules.Evaluate(t))).ToList();
        rules.WaitForPrefilter();

        Assert.True(rules.IsPrefiltered);
        Assert.Equal(early, texts.Select(t => Describe(rules.Evaluate(t))));
    }

    /// <summary>
    /// These tests compare decisions over thousands of messages, not speed: on a machine busy enough for one match to
    /// pass the rules' time limit, the same call is made again (at most three times) before the timeout counts.
    /// </summary>
    private static T Patiently<T>(Func<T> evaluate)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return evaluate();
            }
            catch (Exception ex) when (attempt < 3 && ex is RegexMatchTimeoutException or GuardrailsTimeoutException)
            {
                Thread.Sleep(50);
            }
        }
    }

    [Fact]
    public void Evaluate_EveryKnownMessage_SameDecisionAsUnfiltered()
    {
        var messages = LazyMessages.Value;
        var differences = new List<string>();
        foreach (var message in messages)
        {
            foreach (var text in new[] { message, Normaliser.Normalise(message).Text })
            {
                var filtered = Describe(Patiently(() => Rules.Evaluate(text)));
                var unfiltered = Describe(Patiently(() => Rules.EvaluateUnfiltered(text)));
                if (filtered != unfiltered)
                {
                    differences.Add($"\"{text}\": filtered {filtered}, unfiltered {unfiltered}");
                }
            }
        }

        output.WriteLine($"{messages.Count} messages compared.");
        Assert.True(messages.Count > 2000, $"only {messages.Count} messages");
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20)));
    }

    [Fact]
    public void Matchers_EveryPatternOverEveryKnownMessage_FilterIsSound()
    {
        // Per regular expression, stronger than comparing decisions: a match is never ruled out, a proof never
        // claims a match the regular expression does not make, and the filtered answer equals the regex's.
        var matchers = Rules.Matchers.Distinct().ToList();
        var problems = new List<string>();
        var ruledOut = 0L;
        var proven = 0L;
        foreach (var message in LazyMessages.Value)
        {
            var folded = MatchText.Fold(message);
            var scan = MessageScan.For(Rules.Literals, folded);
            foreach (var matcher in matchers)
            {
                var matches = Patiently(() => matcher.Regex.IsMatch(folded));
                var may = matcher.MayMatch(scan);
                var isProven = scan.Enabled && matcher.Proofs.Any(p => LiteralTable.ProofPresent(p, scan));
                ruledOut += may ? 0 : 1;
                proven += isProven ? 1 : 0;
                if ((matches && !may) || (isProven && !matches) || matcher.IsMatch(folded, scan) != matches)
                {
                    problems.Add($"pattern {matcher.Regex} on \"{folded}\": regex {matches}, may {may}, proven {isProven}");
                }
            }
        }

        output.WriteLine($"{matchers.Count} patterns; ruled out {ruledOut}, proven {proven} pattern runs.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(10)));
    }

    [Fact]
    public void MayMatch_BenignQuestion_MostPatternsRuledOut()
    {
        // The point of the filter: an ordinary question runs almost none of the rules' regular expressions.
        var scan = MessageScan.For(Rules.Literals, MatchText.Fold("how does ketamine compare with ECT for treatment-resistant depression?"));
        var matchers = Rules.Matchers.Distinct().ToList();

        var mayRun = matchers.Count(m => m.MayMatch(scan) && !m.Proofs.Any(p => LiteralTable.ProofPresent(p, scan)));

        Assert.True(scan.Enabled);
        Assert.True(mayRun * 10 < matchers.Count, $"{mayRun} of {matchers.Count} patterns may still run");
    }

    [Theory]
    [InlineData("i want to kill myself \u212A")]
    [InlineData("I WANT TO KILL MYSELF")]
    [InlineData("i want to kill my\u017Felf")]
    [InlineData("buy \u212Aetamine online")]
    [InlineData("bu\u0177 ketamine online")]
    public void Evaluate_CharactersOutsideTheAnalysis_SameDecisionAsUnfiltered(string text)
    {
        // The Kelvin sign matches "k" case-insensitively; text holding it is not pre-filtered.
        Assert.Equal(Describe(Rules.EvaluateUnfiltered(text)), Describe(Rules.Evaluate(text)));
    }

    [Fact]
    public void Evaluate_KelvinSign_NotPreFiltered()
    {
        var scan = MessageScan.For(Rules.Literals, "buy \u212Aetamine");

        Assert.False(scan.Enabled);
    }

    private static string Describe(GuardrailDecision decision) =>
        $"{decision.Route?.ToWire() ?? "none"}|{decision.ResponseKey}|{string.Join(",", decision.Rules)}|{decision.MentionsSelfHarm}";

    private static List<string> BuildMessages()
    {
        var messages = new List<string>();

        // Every turn of every evaluation file, whatever files exist.
        foreach (var file in Directory.GetFiles(RepositoryPaths.Eval, "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                using var doc = JsonDocument.Parse(line);
                messages.AddRange(doc.RootElement.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!));
            }
        }

        // The guardrail tests' own data.
        foreach (var type in typeof(GuardrailsTests).Assembly.GetTypes().Where(t => t.Namespace == typeof(GuardrailsTests).Namespace))
        {
            foreach (var method in type.GetMethods())
            {
                foreach (var data in method.GetCustomAttributes<InlineDataAttribute>())
                {
                    messages.AddRange(data.GetData(method).SelectMany(row => row.OfType<string>()));
                }
            }
        }

        // Corpus text: sensitive words in informational sentences.
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "corpus"), "*.md"))
        {
            messages.AddRange(File.ReadLines(file).Select(l => l.Trim().TrimStart('-', '#', ' ')).Where(l => l.Length > 2));
        }

        messages.AddRange(Recombine(messages, count: 2500, seed: 20261126));
        return [.. messages.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// New messages from pieces of known ones: the start of one and the end of another, words dropped or repeated,
    /// punctuation, case and spacing changed. Deterministic.
    /// </summary>
    private static IEnumerable<string> Recombine(List<string> sources, int count, int seed)
    {
        var random = new Random(seed);
        string[] Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] separators = [" ", " ", " ", ", ", ". ", "! ", "? ", " - ", "... ", "\n"];
        for (var i = 0; i < count; i++)
        {
            var a = Words(sources[random.Next(sources.Count)]);
            var b = Words(sources[random.Next(sources.Count)]);
            var words = a.Take(random.Next(a.Length + 1)).Concat(b.Skip(random.Next(b.Length + 1))).ToList();
            if (words.Count > 2 && random.Next(4) == 0)
            {
                words.RemoveAt(random.Next(words.Count));
            }

            if (words.Count > 0 && random.Next(4) == 0)
            {
                var at = random.Next(words.Count);
                words.Insert(at, words[at]);
            }

            var builder = new StringBuilder();
            foreach (var word in words)
            {
                if (builder.Length > 0)
                {
                    builder.Append(separators[random.Next(separators.Length)]);
                }

                builder.Append(random.Next(10) == 0 ? word.ToUpperInvariant() : word);
            }

            yield return builder.ToString();
        }
    }
}
