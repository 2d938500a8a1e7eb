using KetamineFaqBot.Semantics.Embeddings;
using KetamineFaqBot.Semantics.Tests.TestSupport;

namespace KetamineFaqBot.Semantics.Tests.Embeddings;

public sealed class CachedEmbeddingGeneratorTests : IDisposable
{
    private readonly CountingEmbeddingGenerator inner = new();

    public void Dispose() => inner.Dispose();

    private static async Task<float[][]> Vectors(CachedEmbeddingGenerator cache, params string[] texts) =>
        [.. (await cache.GenerateAsync(texts)).Select(e => e.Vector.ToArray())];

    [Fact]
    public async Task GenerateAsync_RepeatedText_IsGeneratedOnce()
    {
        using var cache = new CachedEmbeddingGenerator(inner, capacity: 8);

        var first = await Vectors(cache, "is ketamine addictive");
        var second = await Vectors(cache, "is ketamine addictive");

        Assert.Equal(["is ketamine addictive"], inner.Generated);
        Assert.Equal(1, inner.Calls);
        Assert.Equal(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task GenerateAsync_TextsDifferingInCase_AreDifferentEntries()
    {
        using var cache = new CachedEmbeddingGenerator(inner, capacity: 8);

        await Vectors(cache, "Hi");
        await Vectors(cache, "hi");

        Assert.Equal(["Hi", "hi"], inner.Generated);
    }

    [Fact]
    public async Task GenerateAsync_OverCapacity_EvictsLeastRecentlyUsed()
    {
        using var cache = new CachedEmbeddingGenerator(inner, capacity: 2);
        await Vectors(cache, "a");
        await Vectors(cache, "bb");
        await Vectors(cache, "a");

        await Vectors(cache, "ccc");

        Assert.Equal(2, cache.Count);
        Assert.Equal(["a", "bb", "ccc"], inner.Generated);

        await Vectors(cache, "a");
        Assert.Equal(["a", "bb", "ccc"], inner.Generated);

        await Vectors(cache, "bb");
        Assert.Equal(["a", "bb", "ccc", "bb"], inner.Generated);
    }

    [Fact]
    public async Task GenerateAsync_MixedHitsAndMisses_KeepsInputOrderAndGeneratesOnlyMisses()
    {
        using var cache = new CachedEmbeddingGenerator(inner, capacity: 8);
        await Vectors(cache, "bb", "dddd");

        var vectors = await Vectors(cache, "a", "bb", "ccc", "dddd", "eeeee");

        Assert.Equal(["bb", "dddd", "a", "ccc", "eeeee"], inner.Generated);
        Assert.Equal(
            new[] { "a", "bb", "ccc", "dddd", "eeeee" }.Select(CountingEmbeddingGenerator.VectorOf),
            vectors);
    }

    [Fact]
    public async Task GenerateAsync_AllHits_DoesNotCallTheGenerator()
    {
        using var cache = new CachedEmbeddingGenerator(inner, capacity: 8);
        await Vectors(cache, "a", "bb");

        var vectors = await Vectors(cache, "bb", "a", "bb");

        Assert.Equal(1, inner.Calls);
        Assert.Equal(new[] { "bb", "a", "bb" }.Select(CountingEmbeddingGenerator.VectorOf), vectors);
    }

    [Fact]
    public void Constructor_CapacityBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachedEmbeddingGenerator(inner, capacity: 0));
    }

    [Fact]
    public async Task GenerateAsync_EmptyBatch_ReturnsNothingWithoutCallingTheGenerator()
    {
        using var cache = new CachedEmbeddingGenerator(inner, capacity: 8);

        var result = await cache.GenerateAsync(Array.Empty<string>());

        Assert.Empty(result);
        Assert.Equal(0, inner.Calls);
    }
}
