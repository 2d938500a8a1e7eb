using KetamineFaqBot.Answering;
using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Core.Retrieval;
using KetamineFaqBot.Corpus;
using KetamineFaqBot.Retrieval.Indexing;
using KetamineFaqBot.Semantics;

namespace KetamineFaqBot.Benchmarks;

/// <summary>
/// The shipped corpus indexed into a temp folder with its semantic layer (passage vectors and route classifier, as
/// <c>kfaq index</c> builds it), and the questions every benchmark asks.
/// </summary>
public static class BenchmarkCorpus
{
    public static readonly string[] Questions =
    [
        "is ketamine addictive?",
        "what are the side effects of ketamine therapy",
        "how does ketamine compare with ECT for treatment-resistant depression",
        "is ketamine treatment covered by insurance",
        "how can I find a ketamine clinical trial",
        "what precautions do clinics take to prevent misuse",
    ];

    /// <summary>
    /// 48 distinct questions that the shipped corpus answers (checked with <c>kfaq eval</c>), for the benchmarks that
    /// must not find a question's embedding in a cache: asked in turn, each comes back only after all the others.
    /// </summary>
    public static readonly string[] VariedQuestions =
    [
        .. Questions,
        "where can I get ketamine treatment for depression",
        "do specialized clinics offer ketamine for depression",
        "are clinical trials a legal way to get ketamine",
        "who is more at risk of ketamine addiction",
        "what do animal studies say about ketamine addiction",
        "are there sex differences in ketamine addiction risk",
        "how fast does ketamine relieve depression",
        "does ketamine work for treatment-resistant depression",
        "can ketamine reduce suicidal thoughts",
        "is ketamine well tolerated in a medical setting",
        "should I talk to my healthcare team before joining a trial",
        "how do I search ClinicalTrials.gov for ketamine studies",
        "do hospitals run ketamine research studies",
        "how much does ketamine treatment cost",
        "what is the evidence for ketamine in depression",
        "is ketamine faster than traditional antidepressants",
        "what is still being studied about ketamine",
        "is ketamine legal",
        "why is ketamine a controlled substance",
        "what are the long-term effects of ketamine",
        "what happens with repeated ketamine use",
        "how does ketamine work in the brain",
        "where did ketamine come from",
        "how did ketamine start being used for depression",
        "what are the drawbacks of ketamine treatment",
        "how do doctors screen patients before ketamine",
        "why are low doses of ketamine used",
        "how often can ketamine be given",
        "why is ketamine treatment medically supervised",
        "what do patients learn about ketamine risks",
        "how are patients monitored during ketamine treatment",
        "can repeated ketamine use affect thinking",
        "can ketamine be misused",
        "what are the benefits of ketamine treatment",
        "does ketamine act on glutamate",
        "is there long-term safety data on ketamine",
        "what questions might ketamine trials answer",
        "can misuse of ketamine lead to addiction",
        "what is the risk of addiction under medical supervision",
        "do ketamine clinics take part in trials",
        "was ketamine first used as an anesthetic",
        "what side effects can happen during an infusion",
    ];

    /// <summary>Build-time vectors, kept across runs so a repeated run embeds nothing.</summary>
    public static string EmbeddingCacheFolder { get; } = Path.Combine(Path.GetTempPath(), "kfaq-bench-embedding-cache");

    public static string PromptsFolder => Path.Combine(RepositoryRoot(), "prompts");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KetamineFaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    /// <summary>The semantic layer of an index root, with the benchmarks' vector cache.</summary>
    public static SemanticIndexExtension SemanticExtension(string root) => SemanticLayer.Extension(PromptsFolder, root, EmbeddingCacheFolder);

    /// <summary>Everything the bot builds into a version: the semantic layer, then the gate's meaning model fitted on it.</summary>
    public static IReadOnlyList<IIndexExtension> Extensions(string root) =>
        [SemanticExtension(root), new GateCalibrationExtension(new AnsweringOptions(), PromptsFolder)];

    /// <summary>Builds the shipped corpus's index and returns its root and the current version's folder.</summary>
    public static (string Root, string VersionPath) BuildIndex() => BuildIndex(Path.Combine(RepositoryRoot(), "corpus"));

    /// <summary>
    /// Builds a corpus folder's index with its semantic layer, into a new temp root or into <paramref name="root"/>
    /// (where an unchanged corpus and unchanged exemplars leave the current version as it is: nothing is rebuilt).
    /// </summary>
    public static (string Root, string VersionPath) BuildIndex(string corpusFolder, string? root = null)
    {
        root ??= Path.Combine(Path.GetTempPath(), "kfaq-bench-" + Guid.NewGuid().ToString("N"));
        var load = CorpusLoader.Load(corpusFolder, new CorpusLoadOptions());
        if (load.ErrorCount > 0 || load.Snapshot is null)
        {
            throw new InvalidOperationException($"{corpusFolder}: {load.ErrorCount} lint errors.");
        }

        var result = new IndexBuilder().Build(load.Snapshot, new IndexBuildOptions { Root = root, Extensions = Extensions(root) });
        return (root, result.VersionPath);
    }
}
