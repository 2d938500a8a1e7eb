using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Semantics.Embeddings;

/// <summary>
/// A remote embedding model made to stand in for the local one: asked for <see cref="MiniLmEmbeddingGenerator.Dimensions"/>
/// dimensions (text-embedding-3 models shorten their vectors on request), sent at most <see cref="BatchSize"/> texts
/// per call, each capped like the local model's input, and every vector checked and scaled to unit length, so cosines
/// are dot products as with the local model.
/// </summary>
public sealed class RemoteEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, string model)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    /// <summary>Texts per call to the remote model.</summary>
    public const int BatchSize = 64;

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.Select(v => v.Length <= MiniLmEmbeddingGenerator.MaxInputCharacters ? v : v[..MiniLmEmbeddingGenerator.MaxInputCharacters]).ToList();
        var request = options?.Clone() ?? new EmbeddingGenerationOptions();
        request.Dimensions = MiniLmEmbeddingGenerator.Dimensions;
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        foreach (var batch in texts.Chunk(BatchSize))
        {
            var generated = await base.GenerateAsync(batch, request, cancellationToken).ConfigureAwait(false);
            if (generated.Count != batch.Length)
            {
                throw new InvalidDataException($"The embedding model '{model}' returned {generated.Count} vectors for {batch.Length} texts.");
            }

            result.AddRange(generated.Select(e => new Embedding<float>(UnitLength(e.Vector)) { ModelId = model }));
        }

        return result;
    }

    private float[] UnitLength(ReadOnlyMemory<float> vector)
    {
        if (vector.Length != MiniLmEmbeddingGenerator.Dimensions)
        {
            throw new InvalidDataException(
                $"The embedding model '{model}' returned {vector.Length} dimensions; the semantic layer needs {MiniLmEmbeddingGenerator.Dimensions} (a model that shortens its vectors on request, such as text-embedding-3-small).");
        }

        var values = vector.ToArray();
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(values, values));
        if (!float.IsFinite(norm) || norm == 0)
        {
            throw new InvalidDataException($"The embedding model '{model}' returned a vector of length zero or not a number.");
        }

        System.Numerics.Tensors.TensorPrimitives.Divide(values, norm, values);
        return values;
    }
}
