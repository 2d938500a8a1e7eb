using KetamineFaqBot.Semantics.Embeddings;
using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Semantics;

/// <summary>Where the semantic layer's inputs live, and the pieces the bot and the CLI compose.</summary>
public static class SemanticLayer
{
    /// <summary>Route exemplars, under the prompts folder.</summary>
    public const string ExemplarFolderName = "routes";

    /// <summary>Build-time vector cache, under the index root (beside <c>versions/</c>).</summary>
    public const string CacheFolderName = "embedding-cache";

    /// <summary>Questions whose embeddings are kept in memory by default.</summary>
    public const int DefaultQueryCacheSize = 2048;

    public static string ExemplarFolder(string promptsFolder) => Path.Combine(promptsFolder, ExemplarFolderName);

    /// <summary>Reviewed in-scope questions the corpus does not answer, under the prompts folder.</summary>
    public static string UncoveredFile(string promptsFolder) => Path.Combine(promptsFolder, Exemplars.ReviewedQuestionReader.UncoveredRelativePath);

    /// <summary>Reviewed in-scope questions the corpus does answer, under the prompts folder.</summary>
    public static string CoveredFile(string promptsFolder) => Path.Combine(promptsFolder, Exemplars.ReviewedQuestionReader.CoveredRelativePath);

    public static string CacheFolder(string indexRoot) => Path.Combine(indexRoot, CacheFolderName);

    /// <summary>The index extension that builds and loads the semantic layer of each version.</summary>
    /// <param name="promptsFolder">Prompts folder holding <c>routes/</c>.</param>
    /// <param name="cacheFolder">Vector cache folder; <see cref="CacheFolder"/> of the index root when null.</param>
    /// <param name="indexRoot">Index root, for the default cache folder.</param>
    /// <param name="model">The sentence model; the local MiniLM when null.</param>
    /// <param name="loadClassifierModel">Load ML.NET's route model with each version (see <see cref="SemanticIndexExtension"/>).</param>
    public static SemanticIndexExtension Extension(
        string promptsFolder, string indexRoot, string? cacheFolder = null, SentenceModel? model = null, bool loadClassifierModel = false) =>
        new(ExemplarFolder(promptsFolder), cacheFolder ?? CacheFolder(indexRoot), UncoveredFile(promptsFolder), CoveredFile(promptsFolder), model,
            loadClassifierModel);

    /// <summary>
    /// Starts loading the local MiniLM model on a thread-pool thread and returns at once, so a host overlaps the load with
    /// its own start-up; the first use of the embedder waits for it (and sees its error, if it failed).
    /// </summary>
    public static Task PreloadQueryModel() => MiniLmEmbeddingGenerator.PreloadAsync();

    /// <summary>Loads the local MiniLM model and runs it once on this thread (see <see cref="PreloadQueryModel"/>).</summary>
    public static void WarmQueryModel() => MiniLmEmbeddingGenerator.Shared.Encode(["warm-up"]);

    /// <summary>The sentence model's embedder (the local MiniLM when null) with an in-memory cache of recent questions.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> QueryEmbeddings(int cacheSize = DefaultQueryCacheSize, SentenceModel? model = null) =>
        new CachedEmbeddingGenerator((model ?? SentenceModel.Local).Generator, cacheSize);
}
