using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>Embeds every text as a zero vector: the scripted semantic layer does not look at it.</summary>
internal sealed class ZeroEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(new float[384]))));

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
