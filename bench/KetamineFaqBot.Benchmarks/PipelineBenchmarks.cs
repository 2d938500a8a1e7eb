using BenchmarkDotNet.Attributes;
using KetamineFaqBot.Answering.Conversations;
using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Answering.Normalisation;
using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Cli.Composition;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Retrieval.Search;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace KetamineFaqBot.Benchmarks;

/// <summary>
/// One question through the whole extractive pipeline, against the baseline of a raw Lucene top-10 search on the
/// same index in the same run (BM25, same fields and boosts, no passage text loaded), plus the pieces between. The
/// pipeline is the CLI's (semantic layer on; the six questions come round again, so their embeddings are cached
/// after the first turns) and, for comparison, the same pipeline with the rules alone.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PipelineBenchmarks
{
    private string root = string.Empty;
    private IndexSearcher rawSearcher = null!;
    private DirectoryReader rawReader = null!;
    private MultiFieldQueryParser parser = null!;
    private LiveIndex retriever = null!;
    private IAnswerService pipeline = null!;
    private IAnswerService rulesOnly = null!;
    private InMemoryConversationStore store = null!;
    private Guardrails guardrails = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var (indexRoot, versionPath) = BenchmarkCorpus.BuildIndex();
        root = indexRoot;
        rawReader = DirectoryReader.Open(new RAMDirectory(new NIOFSDirectory(Path.Combine(versionPath, "index")), IOContext.READ_ONCE));
        rawSearcher = new IndexSearcher(rawReader) { Similarity = new BM25Similarity() };
        parser = new MultiFieldQueryParser(
            LuceneVersion.LUCENE_48,
            ["questions", "heading", "title", "body"],
            new StandardAnalyzer(LuceneVersion.LUCENE_48),
            new Dictionary<string, float> { ["questions"] = 3f, ["heading"] = 2f, ["title"] = 1.5f, ["body"] = 1f });
        retriever = new LiveIndex(root);
        var prompts = Path.Combine(BenchmarkCorpus.RepositoryRoot(), "prompts");
        store = new InMemoryConversationStore();
        pipeline = AnsweringComposition.Default.Build(root, prompts, store: store);
        rulesOnly = new AnsweringComposition
        {
            Retriever = r => new LiveIndex(r),
            Guardrails = GuardrailsLoader.Load,
            ResponseTexts = ResponseTexts.Load,
            Normaliser = max => new MessageNormaliser(new MessageNormaliserOptions { MaxLength = max }),
        }.Build(root, prompts, store: store);
        guardrails = GuardrailsLoader.Load(prompts);
        guardrails.Prefiltered.Wait();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        rawReader.Dispose();
        retriever.Dispose();
        System.IO.Directory.Delete(root, recursive: true);
    }

    private string NextQuestion() => BenchmarkCorpus.Questions[next++ % BenchmarkCorpus.Questions.Length];

    [Benchmark(Baseline = true, Description = "raw Lucene top-10")]
    public int RawLuceneSearch() => rawSearcher.Search(parser.Parse(QueryParserBase.Escape(NextQuestion())), 10).TotalHits;

    [Benchmark(Description = "retriever (synonyms, passages in memory)")]
    public int Retriever() => retriever.Search(NextQuestion(), 8).Count;

    [Benchmark(Description = "guardrails per message")]
    public Route? GuardrailsOnly() => guardrails.Evaluate(NextQuestion()).Route;

    [Benchmark(Description = "full pipeline (extractive, semantic layer, cached embedding)")]
    public Task<int> FullPipeline() => Ask(pipeline);

    [Benchmark(Description = "full pipeline (extractive, rules only)")]
    public Task<int> RulesOnlyPipeline() => Ask(rulesOnly);

    private async Task<int> Ask(IAnswerService answers)
    {
        // A new conversation each time, so no follow-up state accumulates. The conversation is ended after its
        // answer: otherwise the hundreds of thousands of runs fill the in-memory store to its bound, and every
        // later save pays for an eviction scan (and the Gen2 collections it causes) that a real deployment's
        // SQLite or Redis store never does. Load, save and reset are all measured.
        var conversation = Guid.NewGuid().ToString("N");
        var answer = await answers.AnswerAsync(new Turn(conversation, "bench", NextQuestion(), "en-US", "bench"));
        await store.ResetAsync(conversation);
        return answer.Text.Length;
    }
}
