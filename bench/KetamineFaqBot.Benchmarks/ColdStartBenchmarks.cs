using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Answering.Normalisation;
using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Cli.Composition;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Retrieval.Search;
using KetamineFaqBot.Semantics;

namespace KetamineFaqBot.Benchmarks;

/// <summary>
/// Cold start to first answer: open the index, load the guardrails and response texts, compose the pipeline and
/// answer one question, in a fresh process each time (nothing of ours is JIT-compiled or cached beforehand). With the
/// semantic layer, that includes loading the route classifier and the passage vectors with the version, and the
/// MiniLM model on the first embedding; the rules-only row is the same without them.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, id: "ColdStart")]
public class ColdStartBenchmarks
{
    private string root = string.Empty;
    private string prompts = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        (root, _) = BenchmarkCorpus.BuildIndex();
        prompts = Path.Combine(BenchmarkCorpus.RepositoryRoot(), "prompts");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(root, recursive: true);

    [Benchmark(Description = "cold start to first answer")]
    public Task<int> FirstAnswer() => Answer(semantic: true);

    [Benchmark(Description = "cold start to first answer, rules only")]
    public Task<int> FirstAnswerRulesOnly() => Answer(semantic: false);

    private async Task<int> Answer(bool semantic)
    {
        LiveIndex? index = null;
        var composition = new AnsweringComposition
        {
            Retriever = r => index = semantic ? new LiveIndex(r, extensions: BenchmarkCorpus.Extensions(r)) : new LiveIndex(r),
            Embeddings = () => semantic ? SemanticLayer.QueryEmbeddings() : null,
            Guardrails = GuardrailsLoader.Load,
            ResponseTexts = ResponseTexts.Load,
            Normaliser = max => new MessageNormaliser(new MessageNormaliserOptions { MaxLength = max }),
        };
        try
        {
            var answers = composition.Build(root, prompts);
            var answer = await answers.AnswerAsync(new Turn("cold-start", "bench", BenchmarkCorpus.Questions[0], "en-US", "bench"));
            return answer.Text.Length;
        }
        finally
        {
            index?.Dispose();
        }
    }
}
