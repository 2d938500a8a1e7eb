using KetamineFaqBot.Answering.Text;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Answering.Composers;

/// <summary>
/// Sends a vetted FAQ answer verbatim when an FAQ entry clearly wins retrieval: the best reply there is,
/// because a clinician wrote it for exactly this question.
/// </summary>
public sealed class FaqComposer(AnsweringOptions options)
{
    public const string Name = "faq";

    public ComposedAnswer? TryCompose(ComposeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Hits.Count == 0 || request.Hits[0].Passage.Kind != PassageKind.Faq)
        {
            return null;
        }

        var top = request.Hits[0];
        var bestSection = request.Hits.Where(h => h.Passage.Kind == PassageKind.Section).Select(h => h.Score).DefaultIfEmpty(0f).Max();
        if (top.Score < options.FaqMinScore || top.Score < options.FaqDominance * bestSection)
        {
            return null;
        }

        // A vetted answer is only sent verbatim when it is about what was asked: the question's content words must
        // (mostly) appear in the entry's phrasings or answer. "Do female patients have a higher addiction risk?"
        // must not get the general addiction answer, which says nothing about sex differences.
        if (FaqCoverage(request.Query, top.Passage) < options.FaqMinCoverage)
        {
            return null;
        }

        return new ComposedAnswer(ExtractiveComposer.WithMarker(top.Passage.Text.Trim(), 1), [top.Passage], Name);
    }

    private static double FaqCoverage(string query, Passage faq)
    {
        var queryStems = TextAnalysis.Stems(query);
        if (queryStems.Count == 0)
        {
            return 1;
        }

        var faqStems = PassageAnalysis.Of(faq).FaqStems;
        return (double)queryStems.Count(faqStems.Contains) / queryStems.Count;
    }
}
