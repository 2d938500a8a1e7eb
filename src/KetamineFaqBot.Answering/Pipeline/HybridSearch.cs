using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Core.Semantics;

namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>
/// Word search (BM25 over the Lucene index) and meaning search (cosine over the version's passage vectors), fused
/// by reciprocal rank: a passage scores the sum of 1 / (60 + rank) over the lists it appears in, so a passage both
/// searches rank high leads. Without a semantic layer (or an embedding) it is the word search alone.
/// </summary>
public sealed class HybridSearch(IRetriever retriever)
{
    /// <summary>The k of reciprocal rank fusion; 60 is the value of the original study and of most search engines.</summary>
    public const int RankConstant = 60;

    public HybridHits Search(string query, ReadOnlyMemory<float>? embedding, int top, CancellationToken cancellationToken = default)
    {
        if (embedding is { } vector && retriever.Extension<ISemanticIndex>() is { } semantic)
        {
            return Search(query, vector, semantic, top, cancellationToken);
        }

        var lexical = retriever.Search(query, top, cancellationToken);
        return new HybridHits(lexical, lexical, []);
    }

    /// <summary>Both searches, the meaning search over the given semantic layer.</summary>
    public HybridHits Search(string query, ReadOnlyMemory<float> embedding, ISemanticIndex semantic, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(semantic);
        var lexical = retriever.Search(query, top, cancellationToken);
        var nearest = semantic.Nearest(embedding.Span, top);
        return new HybridHits(Fuse(lexical, nearest, top), lexical, nearest);
    }

    /// <summary>
    /// Reciprocal rank fusion of the two lists. Each hit keeps its BM25 score (0 when only the vector search found
    /// it), so score floors downstream keep their meaning; ties go to the higher BM25 score, then the passage id.
    /// </summary>
    internal static IReadOnlyList<SearchHit> Fuse(IReadOnlyList<SearchHit> lexical, IReadOnlyList<(Passage Passage, float Cosine)> nearest, int top)
    {
        var fused = new Dictionary<string, (Passage Passage, double Rank, float Score)>(StringComparer.Ordinal);
        for (var i = 0; i < lexical.Count; i++)
        {
            var passage = lexical[i].Passage;
            var current = fused.GetValueOrDefault(passage.Id, (passage, 0d, 0f));
            fused[passage.Id] = (passage, current.Item2 + Reciprocal(i), Math.Max(current.Item3, lexical[i].Score));
        }

        for (var i = 0; i < nearest.Count; i++)
        {
            var passage = nearest[i].Passage;
            var current = fused.GetValueOrDefault(passage.Id, (passage, 0d, 0f));
            fused[passage.Id] = (passage, current.Item2 + Reciprocal(i), current.Item3);
        }

        return fused.Values
            .OrderByDescending(f => f.Rank)
            .ThenByDescending(f => f.Score)
            .ThenBy(f => f.Passage.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, top))
            .Select(f => new SearchHit(f.Passage, f.Score))
            .ToList();
    }

    private static double Reciprocal(int index) => 1.0 / (RankConstant + index + 1);
}
