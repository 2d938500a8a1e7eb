using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Answering.Composers;

/// <summary>What a composer works from.</summary>
/// <param name="Question">The normalised message as the user wrote it.</param>
/// <param name="Query">The standalone query (the question, or a follow-up made standalone).</param>
/// <param name="Hits">Retrieved passages, best first; never empty once the confidence gate has passed.</param>
/// <param name="Locale">Locale of the turn.</param>
/// <param name="Statistics">Term weights of the live corpus; without them every query word weighs the same.</param>
/// <param name="SentenceCosines">Per passage id, the question's cosine to each sentence of the passage's text (in
/// sentence order), when the version served has a semantic layer; null otherwise.</param>
public sealed record ComposeRequest(
    string Question,
    string Query,
    IReadOnlyList<SearchHit> Hits,
    string Locale = "en-US",
    TermStatistics? Statistics = null,
    IReadOnlyDictionary<string, IReadOnlyList<float>>? SentenceCosines = null);
