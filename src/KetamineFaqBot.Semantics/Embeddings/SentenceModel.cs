using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Semantics.Embeddings;

/// <summary>
/// The sentence model that embeds passages, exemplars, reviewed questions and patients' questions: the local MiniLM
/// (<see cref="Local"/>, the default, no network) or a remote embedding model (<see cref="Remote"/>). An index version
/// records the model it was built with and is served only with that model.
/// </summary>
public sealed partial class SentenceModel
{
    private readonly Func<IEmbeddingGenerator<string, Embedding<float>>> generator;

    private SentenceModel(string id, Func<IEmbeddingGenerator<string, Embedding<float>>> generator, bool isLocal)
    {
        Id = id;
        this.generator = generator;
        IsLocal = isLocal;
    }

    /// <summary>all-MiniLM-L6-v2, computed in this process.</summary>
    public static SentenceModel Local { get; } = new(MiniLmEmbeddingGenerator.ModelId, () => MiniLmEmbeddingGenerator.Shared, isLocal: true);

    /// <summary>Recorded in the manifest, the calibration and the vector cache's file name.</summary>
    public string Id { get; }

    /// <summary>True for the local model, which a host preloads at start.</summary>
    public bool IsLocal { get; }

    /// <summary>Embeds questions (the caller puts its cache in front).</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Generator => generator();

    /// <summary>
    /// A remote model behind an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (e.g. an OpenAI-compatible
    /// endpoint), asked for the local model's 384 dimensions; its id is "remote-" and the model name.
    /// </summary>
    public static SentenceModel Remote(string model, IEmbeddingGenerator<string, Embedding<float>> remote)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(remote);
        var wrapped = new RemoteEmbeddingGenerator(remote, model);
        return new SentenceModel("remote-" + FileSafe().Replace(model.Trim().ToLowerInvariant(), "-"), () => wrapped, isLocal: false);
    }

    /// <summary>The remote model when one is given (<see cref="Remote"/>), else <see cref="Local"/>.</summary>
    public static SentenceModel From(string? model, IEmbeddingGenerator<string, Embedding<float>>? remote) =>
        remote is null || string.IsNullOrWhiteSpace(model) ? Local : Remote(model, remote);

    /// <summary>Embeds texts for an index build, in order.</summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (IsLocal)
        {
            return MiniLmEmbeddingGenerator.Shared.Encode(texts);
        }

        var generated = Generator.GenerateAsync(texts).GetAwaiter().GetResult();
        return [.. generated.Select(e => e.Vector.ToArray())];
    }

    [GeneratedRegex("[^a-z0-9.]+", RegexOptions.CultureInvariant)]
    private static partial Regex FileSafe();
}
