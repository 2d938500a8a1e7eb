using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>Fixed response texts from a dictionary; each text names its key so tests can recognise it.</summary>
internal sealed class DictionaryResponseTexts : IResponseTexts
{
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["crisis"] = "CRISIS: call or text 988 now, or 911 in an emergency.",
        ["emergency"] = "EMERGENCY: call 911 now.",
        ["refusal"] = "REFUSAL: I can't help with that. SAMHSA 1-800-662-4357.",
        ["referral"] = "REFERRAL: please ask your own provider.",
        ["out_of_scope"] = "OUT_OF_SCOPE: I answer questions about ketamine treatment.",
        ["no_answer"] = "NO_ANSWER: I have no vetted information on that; ask your provider.",
        ["smalltalk"] = "SMALLTALK: hello.",
        ["smalltalk.greeting"] = "SMALLTALK: hello.",
        ["footer"] = "FOOTER: general information, not medical advice.",
        ["crisis_resources"] = "CRISIS_RESOURCES: call or text 988.",
        ["crisis_check_in"] = "CHECK_IN: if you are thinking of harming yourself, call or text 988.",
        ["smalltalk.help"] = "SMALLTALK_HELP: I answer questions about ketamine treatment.",
        ["too_long"] = "TOO_LONG: please shorten your question.",
    };

    private readonly IReadOnlyDictionary<string, string> texts;

    public DictionaryResponseTexts(IReadOnlyDictionary<string, string>? texts = null) => this.texts = texts ?? Defaults;

    public string Text(string key, string locale = "en-US") =>
        texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No response text '{key}'.");
}
