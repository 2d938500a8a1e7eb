using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace KetamineFaqBot.Retrieval.Analysis;

/// <summary>Turns the corpus synonym groups into a Lucene <see cref="SynonymMap"/> (expand: every term maps to every other).</summary>
internal static class SynonymMapFactory
{
    /// <returns>Null when there are no usable synonyms (SynonymFilter refuses an empty map).</returns>
    public static SynonymMap? Create(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var builder = new SynonymMap.Builder(dedup: true);
        var any = false;
        foreach (var group in groups)
        {
            var phrases = new List<CharsRef>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var term in group)
            {
                var words = AnalyzePhrase(term);
                if (words.Length == 0 || !seen.Add(string.Join(' ', words)))
                {
                    continue;
                }

                phrases.Add(SynonymMap.Builder.Join(words, new CharsRef()));
            }

            foreach (var input in phrases)
            {
                foreach (var output in phrases)
                {
                    if (!ReferenceEquals(input, output))
                    {
                        builder.Add(input, output, includeOrig: true);
                        any = true;
                    }
                }
            }
        }

        return any ? builder.Build() : null;
    }

    /// <summary>
    /// Runs a phrase through the pre-synonym chain. Stop words are dropped (the stream they must match has
    /// dropped them too), so "loss of appetite" matches the tokens "loss", "appetite".
    /// </summary>
    private static string[] AnalyzePhrase(string phrase)
    {
        using var tokenizer = new StandardTokenizer(PassageAnalyzer.Version, new StringReader(phrase));
        using var stream = PassageAnalyzer.PreSynonymChain(tokenizer);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var words = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return [.. words];
    }
}
