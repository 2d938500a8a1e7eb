using BenchmarkDotNet.Attributes;
using KetamineFaqBot.Answering.Guardrails;
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
/// same index in the same run (BM25, same fields and boosts, no passage text loaded), plus the pieces between.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private string root = string.Empty;
    private IndexSearcher rawSearcher = null!;
    private DirectoryReader rawReader = null!;
    private MultiFieldQueryParser parser = null!;
    private LiveIndex retriever = null!;
    private IAnswerService pipeline = null!;
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
        pipeline = AnsweringComposition.Default.Build(root, prompts);
        guardrails = GuardrailsLoader.Load(prompts);
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

    [Benchmark(Description = "full pipeline (extractive)")]
    public async Task<int> FullPipeline()
    {
        // A new conversation each time, so no follow-up state accumulates.
        var turn = new Turn(Guid.NewGuid().ToString("N"), "bench", NextQuestion(), "en-US", "bench");
        var answer = await pipeline.AnswerAsync(turn);
        return answer.Text.Length;
    }
}
