using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace KetamineFaqBot.Retrieval.Analysis;

/// <summary>
/// The one analysis chain, used for every field at index time and for queries:
/// standard tokens, possessives, lower case, English stop words, corpus synonyms, Porter stems.
/// </summary>
/// <remarks>
/// Synonyms sit before stemming so that synonyms.txt is written in plain words, and both sides of a
/// group end up stemmed the same way as the text they meet.
/// </remarks>
internal sealed class PassageAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly SynonymMap? synonyms;

    public PassageAnalyzer(IReadOnlyList<IReadOnlyList<string>> synonymGroups)
    {
        synonyms = SynonymMapFactory.Create(synonymGroups);
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = PreSynonymChain(tokenizer);
        if (synonyms is not null)
        {
            stream = new SynonymFilter(stream, synonyms, ignoreCase: false);
        }

        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The filters before synonyms; synonym phrases are analysed with exactly these so they match the stream.</summary>
    internal static TokenStream PreSynonymChain(Tokenizer tokenizer)
    {
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        return new StopFilter(Version, stream, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
    }
}
