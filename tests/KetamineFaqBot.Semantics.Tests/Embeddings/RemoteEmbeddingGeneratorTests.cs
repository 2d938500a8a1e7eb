using KetamineFaqBot.Semantics.Embeddings;
using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Semantics.Tests.Embeddings;

public sealed class RemoteEmbeddingGeneratorTests
{
    /// <summary>
    /// Stands for a remote embedding service (none can run here; the wire format is covered against a loopback HTTP
    /// server in the bot's tests): records each call and answers with a vector of the asked length, scaled by 3.
    /// </summary>
    private sealed class RecordingRemote(int? dimensions = null, bool zero = false) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<(int Texts, int? Dimensions)> Calls { get; } = [];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            Calls.Add((texts.Count, options?.Dimensions));
            var length = dimensions ?? options?.Dimensions ?? 1536;
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t =>
                new Embedding<float>(Enumerable.Range(0, length).Select(i => zero ? 0f : 3f * (((t.Length + i) % 7) - 3)).ToArray()))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task GenerateAsync_AsksForTheLocalModelsDimensionsInBatchesAndReturnsUnitVectors()
    {
        var remote = new RecordingRemote();
        using var generator = new RemoteEmbeddingGenerator(remote, "text-embedding-3-small");
        var texts = Enumerable.Range(0, 150).Select(i => $"question number {i}").ToList();

        var embeddings = await generator.GenerateAsync(texts);

        Assert.Equal([(64, (int?)384), (64, 384), (22, 384)], remote.Calls);
        Assert.Equal(150, embeddings.Count);
        Assert.All(embeddings, e =>
        {
            Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, e.Vector.Length);
            Assert.Equal(1.0, Math.Sqrt(e.Vector.ToArray().Sum(v => (double)v * v)), 4);
            Assert.Equal("text-embedding-3-small", e.ModelId);
        });
    }

    [Fact]
    public async Task GenerateAsync_ModelIgnoresTheAskedDimensions_ClearError()
    {
        using var generator = new RemoteEmbeddingGenerator(new RecordingRemote(dimensions: 1536), "ada-002");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => generator.GenerateAsync(["is ketamine addictive"]));

        Assert.Contains("ada-002", error.Message, StringComparison.Ordinal);
        Assert.Contains("1536", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_ZeroVector_ClearError()
    {
        using var generator = new RemoteEmbeddingGenerator(new RecordingRemote(zero: true), "broken");

        await Assert.ThrowsAsync<InvalidDataException>(() => generator.GenerateAsync(["is ketamine addictive"]));
    }

    [Fact]
    public void SentenceModel_RemoteOrLocal_IdNamesTheModel()
    {
        var remote = SentenceModel.Remote("Text-Embedding-3-Small", new RecordingRemote());

        Assert.Equal("remote-text-embedding-3-small", remote.Id);
        Assert.False(remote.IsLocal);
        Assert.Same(SentenceModel.Local, SentenceModel.From(null, new RecordingRemote()));
        Assert.Same(SentenceModel.Local, SentenceModel.From("text-embedding-3-small", null));
        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, SentenceModel.Local.Id);
        Assert.Equal(3, remote.Encode(["a", "b", "c"]).Length);
    }
}
