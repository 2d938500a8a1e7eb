using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Answering.Responses;

namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>The real prompts folder, loaded once per test run (compiling the rules takes a moment).</summary>
internal static class RealPrompts
{
    private static readonly Lazy<KetamineFaqBot.Answering.Guardrails.Guardrails> LazyRules = new(() => GuardrailsLoader.Load(RepositoryPaths.Prompts));
    private static readonly Lazy<ResponseTexts> LazyTexts = new(() => ResponseTexts.Load(RepositoryPaths.Prompts));

    public static KetamineFaqBot.Answering.Guardrails.Guardrails Rules => LazyRules.Value;

    public static ResponseTexts Texts => LazyTexts.Value;
}
