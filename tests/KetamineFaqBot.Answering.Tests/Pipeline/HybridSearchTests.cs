using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Answering.Tests.TestDoubles;
using KetamineFaqBot.Core.Corpus;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Answering.Tests.Pipeline;

public sealed class HybridSearchTests
{
    private static readonly Passage Cost = TestCorpus.Section("cost", "insurance", "cost", "Insurance", "Insurance may not cover ketamine treatment.");
    private static readonly Passage Access = TestCorpus.Section("access", "clinics", "access", "Clinics", "Most people receive ketamine at clinics.");
    private static readonly Passage Trials = TestCorpus.Section("trials", "search", "clinical-trials", "Searching", "Search ClinicalTrials.gov for studies.");
    private static readonly Passage Effects = TestCorpus.Section("effects", "common", "side-effects", "Side effects", "Ketamine can cause dissociation.");

    [Fact]
    public void Fuse_PassageBothSearchesRankHigh_LeadsOverOneOnlyTheWordsFound()
    {
        // Words: cost 1st, access 2nd. Meaning: access 1st, trials 2nd. Access: 1/62 + 1/61 beats cost's 1/61.
        IReadOnlyList<SearchHit> lexical = [new(Cost, 9f), new(Access, 7f)];
        IReadOnlyList<(Passage, float)> nearest = [(Access, 0.8f), (Trials, 0.7f)];

        var fused = HybridSearch.Fuse(lexical, nearest, 10);

        Assert.Equal(["access#clinics", "cost#insurance", "trials#search"], fused.Select(h => h.Passage.Id));
        Assert.Equal([7f, 9f, 0f], fused.Select(h => h.Score));
    }

    [Fact]
    public void Fuse_EqualRanks_HigherWordScoreThenIdDecide()
    {
        // Cost is 1st for words only, effects 1st for meaning only: equal fused rank, the BM25 score breaks the tie.
        var fused = HybridSearch.Fuse([new SearchHit(Cost, 3f)], [(Effects, 0.9f)], 10);

        Assert.Equal(["cost#insurance", "effects#common"], fused.Select(h => h.Passage.Id));
        Assert.Equal(fused.Select(h => h.Passage.Id), HybridSearch.Fuse([new SearchHit(Cost, 3f)], [(Effects, 0.9f)], 10).Select(h => h.Passage.Id));
    }

    [Fact]
    public void Fuse_TakesOnlyTop()
    {
        var fused = HybridSearch.Fuse([new SearchHit(Cost, 3f), new SearchHit(Access, 2f)], [(Trials, 0.9f), (Effects, 0.8f)], 2);

        Assert.Equal(2, fused.Count);
    }

    [Fact]
    public void Search_WithoutSemanticLayer_IsTheWordSearch()
    {
        var retriever = new ListRetriever([Cost, Access, Trials, Effects]);

        var hits = new HybridSearch(retriever).Search("insurance cover clinics", new float[3], 8);

        Assert.Equal(retriever.Search("insurance cover clinics", 8).Select(h => h.Passage.Id), hits.Fused.Select(h => h.Passage.Id));
        Assert.Empty(hits.Nearest);
    }

    [Fact]
    public void Search_WithSemanticLayer_FusesTheVectorSearch()
    {
        var semantic = new ScriptedSemanticIndex(ScriptedSemanticIndex.StandardThresholds);
        semantic.NearestPassages.AddRange([(Trials, 0.9f), (Access, 0.8f)]);
        var retriever = new ListRetriever([Cost, Access, Trials, Effects]) { Semantic = semantic };

        var hits = new HybridSearch(retriever).Search("insurance cover clinics", new float[3], 8);

        Assert.Equal(["access#clinics", "cost#insurance", "trials#search"], hits.Fused.Select(h => h.Passage.Id));
        Assert.Equal(Trials, hits.Nearest[0].Passage);
    }
}
