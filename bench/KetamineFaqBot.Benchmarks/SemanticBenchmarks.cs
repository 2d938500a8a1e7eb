using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using KetamineFaqBot.Answering.Conversations;
using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Answering.Normalisation;
using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Cli.Composition;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Semantics;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Semantics;
using KetamineFaqBot.Semantics.Embeddings;
using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Benchmarks;

/// <summary>
/// The semantic layer against its floor: one MiniLM embedding of a question not seen before, measured in the same
/// run. Every question benchmark takes <see cref="BenchmarkCorpus.VariedQuestions"/> in turn, so the baseline and
/// the pipelines embed the same texts. The indexes are kept under the temp folder between runs (each benchmark runs
/// in its own process, and an unchanged corpus is not rebuilt), so the classifier is not retrained for every one.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SemanticBenchmarks
{
    /// <summary>Passages (at least) of the synthetic corpus searched by vector, and random vectors searched.</summary>
    public const int SyntheticPassages = 3_000;

    /// <summary>
    /// Smaller than the rotation of questions, so the least-recently-used cache has always dropped a question by the
    /// time it comes back: each turn misses once (guardrail fusion) and hits once (FAQ paraphrase), as a new
    /// question does in the bot.
    /// </summary>
    private const int NewQuestionCacheSize = 16;

    private const int Top = 10;

    private static readonly string KeptFolder = Path.Combine(Path.GetTempPath(), "kfaq-bench-semantic");

    private readonly List<LiveIndex> opened = [];
    private readonly InMemoryConversationStore store = new();
    private string root = string.Empty;
    private ISemanticIndex shipped = null!;
    private ISemanticIndex synthetic = null!;
    private float[][] questionVectors = [];
    private IAnswerService rawEmbedder = null!;
    private IAnswerService newQuestion = null!;
    private IAnswerService repeated = null!;
    private IEmbeddingGenerator<string, Embedding<float>> cachedEmbeddings = null!;
    private float[] randomMatrix = [];
    private string[] randomOwners = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        (root, _) = BenchmarkCorpus.BuildIndex(Path.Combine(BenchmarkCorpus.RepositoryRoot(), "corpus"), Path.Combine(KeptFolder, "shipped"));
        shipped = Open(root).Extension<ISemanticIndex>() ?? throw new InvalidOperationException("The index has no semantic layer.");
        questionVectors = MiniLmEmbeddingGenerator.Shared.Encode(BenchmarkCorpus.VariedQuestions);

        rawEmbedder = Compose(() => MiniLmEmbeddingGenerator.Shared);
        newQuestion = Compose(() => SemanticLayer.QueryEmbeddings(NewQuestionCacheSize));
        var warm = SemanticLayer.QueryEmbeddings();
        repeated = Compose(() => warm);
        cachedEmbeddings = SemanticLayer.QueryEmbeddings();
        foreach (var question in BenchmarkCorpus.VariedQuestions)
        {
            // A fixed route (referral, crisis…) skips the corpus and the FAQ match, so it would not be a like-for-like turn.
            var answer = Ask(repeated, question).GetAwaiter().GetResult();
            if (answer.Route is not (Route.Answer or Route.NoAnswer))
            {
                throw new InvalidOperationException($"'{question}' was routed {answer.Route}; pick a question the corpus answers.");
            }

            _ = cachedEmbeddings.GenerateVectorAsync(question).GetAwaiter().GetResult();
        }

        RandomVectors(SyntheticPassages, MiniLmEmbeddingGenerator.Dimensions, seed: 20261127);
    }

    [GlobalSetup(Target = nameof(SyntheticVectorSearch))]
    public void SetupSynthetic()
    {
        Setup();
        // The same seed writes the same files, so the kept index is current after the first run.
        var corpus = Path.Combine(KeptFolder, "synthetic-corpus");
        SyntheticCorpus.Write(corpus, SyntheticPassages, seed: 20261126);
        var (syntheticRoot, _) = BenchmarkCorpus.BuildIndex(corpus, Path.Combine(KeptFolder, "synthetic"));
        synthetic = Open(syntheticRoot).Extension<ISemanticIndex>() ?? throw new InvalidOperationException("The index has no semantic layer.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var index in opened)
        {
            index.Dispose();
        }
    }

    [GlobalCleanup(Target = nameof(SyntheticVectorSearch))]
    public void CleanupSynthetic() => Cleanup();

    [Benchmark(Baseline = true, Description = "one MiniLM embedding, uncached")]
    public int Embedding() => MiniLmEmbeddingGenerator.Shared.Encode([BenchmarkCorpus.VariedQuestions[NextIndex()]])[0].Length;

    [Benchmark(Description = "full pipeline, new question (query cache misses)")]
    public async Task<int> PipelineNewQuestion() => (await Ask(newQuestion, BenchmarkCorpus.VariedQuestions[NextIndex()])).Text.Length;

    [Benchmark(Description = "full pipeline, raw MiniLM (no query cache)")]
    public async Task<int> PipelineRawEmbedder() => (await Ask(rawEmbedder, BenchmarkCorpus.VariedQuestions[NextIndex()])).Text.Length;

    [Benchmark(Description = "full pipeline, repeated question (query cache hit)")]
    public async Task<int> PipelineRepeated() => (await Ask(repeated, BenchmarkCorpus.VariedQuestions[NextIndex()])).Text.Length;

    [Benchmark(Description = "query embedding, cache hit")]
    public async Task<int> EmbeddingCacheHit() => (await cachedEmbeddings.GenerateVectorAsync(BenchmarkCorpus.VariedQuestions[NextIndex()])).Length;

    [Benchmark(Description = "route classifier alone")]
    public Route Classify()
    {
        var i = NextIndex();
        return shipped.Classify(BenchmarkCorpus.VariedQuestions[i], questionVectors[i]).Top;
    }

    [Benchmark(Description = "nearest FAQ phrasing, shipped corpus")]
    public float NearestFaq() => shipped.NearestFaq(questionVectors[NextIndex()])?.Cosine ?? 0f;

    [Benchmark(Description = "vector search top-10, shipped corpus")]
    public int ShippedVectorSearch() => shipped.Nearest(questionVectors[NextIndex()], Top).Count;

    [Benchmark(Description = "vector search top-10, 3,000 synthetic passages")]
    public int SyntheticVectorSearch() => synthetic.Nearest(questionVectors[NextIndex()], Top).Count;

    /// <summary>
    /// <c>PassageVectors.Nearest</c>'s algorithm (dot products over a flat matrix, best per passage, sorted) over
    /// 3,000 random unit vectors, one per passage.
    /// </summary>
    [Benchmark(Description = "brute-force cosine, 3,000 random vectors")]
    public int RandomVectorSearch()
    {
        var query = questionVectors[NextIndex()];
        var dimensions = query.Length;
        var best = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < randomOwners.Length; i++)
        {
            var cosine = TensorPrimitives.Dot(query, randomMatrix.AsSpan(i * dimensions, dimensions));
            if (!best.TryGetValue(randomOwners[i], out var current) || cosine > current)
            {
                best[randomOwners[i]] = cosine;
            }
        }

        return best.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(Top).Count();
    }

    private int NextIndex() => next++ % BenchmarkCorpus.VariedQuestions.Length;

    private async Task<Answer> Ask(IAnswerService pipeline, string question)
    {
        // A new conversation each time, ended after its answer (see PipelineBenchmarks.FullPipeline).
        var conversation = Guid.NewGuid().ToString("N");
        var answer = await pipeline.AnswerAsync(new Turn(conversation, "bench", question, "en-US", "bench"));
        await store.ResetAsync(conversation);
        return answer;
    }

    private LiveIndex Open(string indexRoot)
    {
        var index = new LiveIndex(indexRoot, extensions: BenchmarkCorpus.Extensions(indexRoot));
        opened.Add(index);
        return index;
    }

    private IAnswerService Compose(Func<IEmbeddingGenerator<string, Embedding<float>>?> embeddings) => new AnsweringComposition
    {
        Retriever = Open,
        Embeddings = embeddings,
        Guardrails = prompts =>
        {
            var guardrails = GuardrailsLoader.Load(prompts);
            guardrails.Prefiltered.Wait();
            return guardrails;
        },
        ResponseTexts = ResponseTexts.Load,
        Normaliser = max => new MessageNormaliser(new MessageNormaliserOptions { MaxLength = max }),
    }.Build(root, BenchmarkCorpus.PromptsFolder, store: store);

    private void RandomVectors(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        randomMatrix = new float[count * dimensions];
        randomOwners = new string[count];
        for (var i = 0; i < count; i++)
        {
            var row = randomMatrix.AsSpan(i * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                // Box-Muller: normally distributed components give directions uniform on the sphere.
                row[d] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }

            TensorPrimitives.Divide(row, TensorPrimitives.Norm(row), row);
            randomOwners[i] = "p" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
