using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>A retriever over a hand-written passage list: scores by query-term overlap weighted by rarity (a tiny BM25 stand-in).</summary>
internal sealed class ListRetriever(IReadOnlyList<Passage> passages, string corpusVersion = "test-v1") : IRetriever
{
    public string CorpusVersion { get; } = corpusVersion;

    public IReadOnlyDictionary<string, Passage> Passages { get; } = passages.ToDictionary(p => p.Id);

    public List<string> Queries { get; } = [];

    /// <summary>The semantic layer this version serves, if any.</summary>
    public Core.Semantics.ISemanticIndex? Semantic { get; set; }

    /// <summary>Another extension the version serves (e.g. the gate's fitted model), if any.</summary>
    public object? Other { get; set; }

    public T? Extension<T>()
        where T : class => Semantic as T ?? Other as T;

    public IReadOnlyList<SearchHit> Search(string query, int top = 10, CancellationToken cancellationToken = default)
    {
        Queries.Add(query);
        var terms = TextAnalysis.Stems(query);
        var stemsByPassage = passages.ToDictionary(p => p.Id, p => TextAnalysis.Stems($"{p.Title} {p.Section} {string.Join(' ', p.Questions)} {p.Text}"));
        return passages
            .Select(p => new SearchHit(p, (float)terms.Where(stemsByPassage[p.Id].Contains)
                .Sum(t => 1 + Math.Log((double)passages.Count / stemsByPassage.Values.Count(s => s.Contains(t))))))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Passage.Id, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }
}
