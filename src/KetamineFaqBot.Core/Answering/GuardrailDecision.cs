namespace KetamineFaqBot.Core.Answering;

/// <summary>Outcome of the deterministic input rules for one message.</summary>
/// <param name="Route">The fixed route, or null when the message should go on to retrieval (an informational question).</param>
/// <param name="ResponseKey">Key of the fixed response text for <paramref name="Route"/> (e.g. "crisis", "smalltalk.greeting").</param>
/// <param name="Rules">Ids of the rules that fired (including ones that only flag).</param>
/// <param name="MentionsSelfHarm">The message mentions suicide or self-harm, so any answer must append crisis resources.</param>
public sealed record GuardrailDecision(Route? Route, string? ResponseKey, IReadOnlyList<string> Rules, bool MentionsSelfHarm);
