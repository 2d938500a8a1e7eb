namespace KetamineFaqBot.Answering.Guardrails;

/// <summary>A rule's pattern exceeded the match timeout. The message names the rule, never the user's text.</summary>
public sealed class GuardrailsTimeoutException : Exception
{
    public GuardrailsTimeoutException()
    {
    }

    public GuardrailsTimeoutException(string message)
        : base(message)
    {
    }

    public GuardrailsTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal GuardrailsTimeoutException(string ruleId, TimeoutException innerException)
        : base($"Guardrail rule '{ruleId}' exceeded its match timeout.", innerException)
    {
        RuleId = ruleId;
    }

    public string? RuleId { get; }
}
