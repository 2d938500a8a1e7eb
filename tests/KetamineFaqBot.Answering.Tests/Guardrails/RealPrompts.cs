using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Tests.Guardrails;

/// <summary>The real prompts folder, loaded once per test run (compiling the rules takes a moment).</summary>
internal static class RealPrompts
{
    private static readonly Lazy<KetamineFaqBot.Answering.Guardrails.Guardrails> LazyRules = new(() => GuardrailsLoader.Load(RepositoryPaths.Prompts));
    private static readonly Lazy<ResponseTexts> LazyTexts = new(() => ResponseTexts.Load(RepositoryPaths.Prompts));

    public static KetamineFaqBot.Answering.Guardrails.Guardrails Rules => LazyRules.Value;

    public static ResponseTexts Texts => LazyTexts.Value;

    /// <summary>
    /// The route the rules give a message; a message no rule stops goes on to be answered from the corpus
    /// (<see cref="Route.Answer"/>), so contrast tests can assert the exact route either way.
    /// </summary>
    public static Route RouteOf(string text) => Rules.Evaluate(text).Route ?? Route.Answer;
}
