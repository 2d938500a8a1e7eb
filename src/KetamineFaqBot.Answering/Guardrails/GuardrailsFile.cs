namespace KetamineFaqBot.Answering.Guardrails;

/// <summary>The YAML shape of prompts/guardrails.yaml, as read; validated and compiled by <see cref="GuardrailsLoader"/>.</summary>
internal sealed class GuardrailsFile
{
    public int Version { get; set; }

    public Dictionary<string, List<string>>? Lists { get; set; }

    public Dictionary<string, List<GuardrailsFileRule>>? Routes { get; set; }

    public List<GuardrailsFileRule>? Flags { get; set; }
}
