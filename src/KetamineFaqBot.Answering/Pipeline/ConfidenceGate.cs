using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>
/// Decides whether retrieval found vetted content strong enough to answer from: the top BM25 score must reach a
/// calibrated floor AND the top passage must contain enough of the query's content terms. A high score on one
/// rare word alone ("ketamine … weather?") does not pass.
/// </summary>
public sealed class ConfidenceGate(AnsweringOptions options)
{
    public GateResult Evaluate(string query, IReadOnlyList<SearchHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0)
        {
            return new GateResult(false, 0f, 0);
        }

        var top = hits[0];
        var coverage = Coverage(query, top);
        var passed = top.Score >= options.MinTopScore && coverage >= options.MinCoverage;
        return new GateResult(passed, top.Score, coverage);
    }

    /// <summary>Fraction of the query's content stems found anywhere in the passage (title, section, FAQ phrasings, text).</summary>
    public static double Coverage(string query, SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var queryStems = TextAnalysis.Stems(query);
        if (queryStems.Count == 0)
        {
            return 0;
        }

        var p = hit.Passage;
        var passageStems = TextAnalysis.Stems($"{p.Title}\n{p.Section}\n{p.Topic}\n{string.Join("\n", p.Questions)}\n{p.Text}");
        return (double)queryStems.Count(passageStems.Contains) / queryStems.Count;
    }
}
