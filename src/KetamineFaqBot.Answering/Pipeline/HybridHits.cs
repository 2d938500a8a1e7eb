using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>What one hybrid search found.</summary>
/// <param name="Fused">Both lists fused by reciprocal rank, best first; the hits answers are composed from.</param>
/// <param name="Lexical">The word search alone, by BM25 score.</param>
/// <param name="Nearest">The vector search alone, by cosine (empty without a semantic layer).</param>
public sealed record HybridHits(IReadOnlyList<SearchHit> Fused, IReadOnlyList<SearchHit> Lexical, IReadOnlyList<(Passage Passage, float Cosine)> Nearest);
