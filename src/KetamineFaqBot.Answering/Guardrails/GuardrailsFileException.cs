namespace KetamineFaqBot.Answering.Guardrails;

/// <summary>A guardrail rule file that cannot be used. Thrown at start-up so a bad edit never goes live.</summary>
public sealed class GuardrailsFileException : Exception
{
    public GuardrailsFileException()
    {
    }

    public GuardrailsFileException(string message)
        : base(message)
    {
    }

    public GuardrailsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GuardrailsFileException(string filePath, string? ruleId, string problem, Exception? innerException = null)
        : base(Describe(filePath, ruleId, problem), innerException)
    {
        FilePath = filePath;
        RuleId = ruleId;
        Problem = problem;
    }

    /// <summary>The rule file that failed validation.</summary>
    public string? FilePath { get; }

    /// <summary>Id of the offending rule, list or flag, when the problem belongs to one.</summary>
    public string? RuleId { get; }

    /// <summary>What is wrong, in words a clinical reviewer can act on.</summary>
    public string? Problem { get; }

    private static string Describe(string filePath, string? ruleId, string problem) =>
        ruleId is null
            ? $"Guardrails file '{filePath}': {problem}"
            : $"Guardrails file '{filePath}', rule '{ruleId}': {problem}";
}
