using KetamineFaqBot.Answering.Normalisation;
using KetamineFaqBot.Answering;
using KetamineFaqBot.Cli.Composition;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;
using Microsoft.Extensions.Configuration;

namespace KetamineFaqBot.Cli.Tests.Commands.Ask;

/// <summary>
/// An answering composition over in-test parts: a passage list searched by word overlap, keyword guardrails and
/// dictionary response texts. Lets the CLI verbs run end to end without the index or the rule files.
/// </summary>
internal static class TestAnswering
{
    public static AnsweringComposition Composition { get; } = new()
    {
        Retriever = _ => new OverlapRetriever(),
        Guardrails = _ => new KeywordGuardrails(),
        ResponseTexts = _ => new DictionaryResponseTexts(),
        Normaliser = max => new MessageNormaliser(new MessageNormaliserOptions { MaxLength = max }),
        QueryFocus = _ => KetamineFaqBot.Answering.Contextualisation.QueryFocus.Empty,
        AnswerTypes = _ => KetamineFaqBot.Answering.Contextualisation.AnswerTypes.None,
        Configuration = new ConfigurationBuilder().Build(),
    };

    public static AnsweringComposition Broken { get; } = new()
    {
        Retriever = root => throw new DirectoryNotFoundException($"Index folder '{root}' does not exist."),
        Guardrails = _ => new KeywordGuardrails(),
        ResponseTexts = _ => new DictionaryResponseTexts(),
        Normaliser = max => new MessageNormaliser(new MessageNormaliserOptions { MaxLength = max }),
        QueryFocus = _ => KetamineFaqBot.Answering.Contextualisation.QueryFocus.Empty,
        AnswerTypes = _ => KetamineFaqBot.Answering.Contextualisation.AnswerTypes.None,
        Configuration = new ConfigurationBuilder().Build(),
    };

    private static readonly Passage[] Passages =
    [
        new("addiction#risk", "addiction", "Addiction risk", "Risk of addiction", "addiction", "both", "Clinic leaflet", PassageKind.Section,
            "Ketamine used under medical supervision has a low risk of addiction. Recreational use carries a higher risk.", []),
        new("addiction#faq-1", "addiction", "Addiction risk", "What makes ketamine misuse more likely?", "addiction", "both", "Clinic leaflet",
            PassageKind.Faq, "Misuse is more likely with recreational use or high doses.", ["What makes ketamine misuse more likely?"]),
        new("cost#cost", "cost", "Cost of treatment", "Cost", "cost", "both", "Clinic leaflet", PassageKind.Section,
            "Ketamine treatments for depression can be expensive, and insurance may not cover them.", []),
    ];

    private sealed class OverlapRetriever : IRetriever
    {
        public string CorpusVersion => "cli-test-v1";

        public IReadOnlyDictionary<string, Passage> Passages { get; } = TestAnswering.Passages.ToDictionary(p => p.Id);

        public IReadOnlyList<SearchHit> Search(string query, int top = 10, CancellationToken cancellationToken = default)
        {
            var words = query.ToLowerInvariant().Split([' ', '?', '.', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).ToHashSet();
            return TestAnswering.Passages
                .Select(p => new SearchHit(p, 2f * words.Count(w => $"{p.Section} {p.Text}".Contains(w, StringComparison.OrdinalIgnoreCase))))
                .Where(h => h.Score > 0)
                .OrderByDescending(h => h.Score)
                .Take(top)
                .ToList();
        }
    }

    private sealed class KeywordGuardrails : IGuardrails
    {
        public GuardrailDecision Evaluate(string text) =>
            text.Contains("kill myself", StringComparison.OrdinalIgnoreCase) ? new GuardrailDecision(Route.Crisis, "crisis", ["crisis.intent"], true)
            : text.Contains("buy", StringComparison.OrdinalIgnoreCase) ? new GuardrailDecision(Route.Refusal, "refusal", ["refusal.acquire"], false)
            : text.Contains("ketamine", StringComparison.OrdinalIgnoreCase) ? new GuardrailDecision(null, null, [], false)
            : new GuardrailDecision(Route.OutOfScope, "out_of_scope", ["scope.no-topic-term"], false);
    }

    private sealed class DictionaryResponseTexts : IResponseTexts
    {
        private static readonly Dictionary<string, string> Texts = new()
        {
            ["crisis"] = "Please call or text 988 now.",
            ["refusal"] = "I can't help with getting ketamine outside a clinic.",
            ["out_of_scope"] = "I answer questions about ketamine treatment.",
            ["no_answer"] = "I have no vetted information on that.",
            ["footer"] = "General information, not medical advice.",
            ["crisis_resources"] = "If you are struggling, call or text 988.",
            ["too_long"] = "Please shorten your question.",
            ["smalltalk.greeting"] = "Hello.",
        };

        public string Text(string key, string locale = "en-US") => Texts[key];
    }
}
