namespace KetamineFaqBot.Answering.Guardrails;

/// <summary>One rule (or flag) of prompts/guardrails.yaml, as read.</summary>
internal sealed class GuardrailsFileRule
{
    public string? Id { get; set; }

    public string? Description { get; set; }

    /// <summary>Fixed response key; defaults to the route's wire name.</summary>
    public string? Response { get; set; }

    /// <summary>Only for flags: which flag this rule raises.</summary>
    public string? Flag { get; set; }

    public List<string>? Patterns { get; set; }

    public List<string>? Unless { get; set; }

    public List<string>? Requires { get; set; }

    public List<string>? Excludes { get; set; }
}
