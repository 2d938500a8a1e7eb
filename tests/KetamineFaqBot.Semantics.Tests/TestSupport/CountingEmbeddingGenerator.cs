using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Semantics.Tests.TestSupport;

/// <summary>
/// A deterministic stand-in for the model, for tests of what sits in front of it: the vector of a text is its length
/// and its first character's code, and every text asked for is recorded.
/// </summary>
public sealed class CountingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly List<string> generated = [];

    /// <summary>Every text generated, in order, across calls.</summary>
    public IReadOnlyList<string> Generated => generated;

    /// <summary>Calls that reached the generator.</summary>
    public int Calls { get; private set; }

    public static float[] VectorOf(string text) => [text.Length, text.Length == 0 ? 0 : text[0]];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        Calls++;
        generated.AddRange(texts);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(VectorOf(t)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
