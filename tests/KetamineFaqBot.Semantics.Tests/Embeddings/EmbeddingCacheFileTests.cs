using KetamineFaqBot.Retrieval.Tests.TestSupport;
using KetamineFaqBot.Semantics.Embeddings;

namespace KetamineFaqBot.Semantics.Tests.Embeddings;

public sealed class EmbeddingCacheFileTests : IDisposable
{
    private const string ModelId = "test-model";
    private const int Dimensions = 4;

    private readonly TempFolder temp = new();
    private readonly List<string> encoded = [];

    public void Dispose() => temp.Dispose();

    private string Folder => temp.Combine("cache");

    private string CacheFile => Path.Combine(Folder, ModelId + ".vectors");

    /// <summary>A deterministic vector per text, so a vector read back from disk can be told from a recomputed one only by the count.</summary>
    private static float[] VectorOf(string text) => [text.Length, text[0], text[^1], 0.5f];

    private float[][] Encode(IReadOnlyList<string> texts)
    {
        encoded.AddRange(texts);
        return [.. texts.Select(VectorOf)];
    }

    private EmbeddingCacheFile NewCache() => new(Folder, ModelId, Dimensions, Encode);

    [Fact]
    public void Embed_NewTexts_ComputesEachDistinctTextOnceInOrder()
    {
        var cache = NewCache();

        var vectors = cache.Embed(["what is ketamine", "is it addictive", "what is ketamine"]);

        Assert.Equal(2, cache.LastComputed);
        Assert.Equal(["what is ketamine", "is it addictive"], encoded);
        Assert.Equal([VectorOf("what is ketamine"), VectorOf("is it addictive"), VectorOf("what is ketamine")], vectors);
        Assert.True(File.Exists(CacheFile));
    }

    [Fact]
    public void Embed_SameTextsInANewInstance_ComputesNothingAndReturnsEqualVectors()
    {
        string[] texts = ["what is ketamine", "is it addictive", "how long does an infusion take"];
        var first = NewCache().Embed(texts);
        encoded.Clear();

        var cache = NewCache();
        var second = cache.Embed(texts);

        Assert.Equal(0, cache.LastComputed);
        Assert.Empty(encoded);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Embed_PartlyCached_ComputesOnlyTheNewTexts()
    {
        NewCache().Embed(["what is ketamine"]);
        encoded.Clear();

        var cache = NewCache();
        var vectors = cache.Embed(["is it addictive", "what is ketamine"]);

        Assert.Equal(1, cache.LastComputed);
        Assert.Equal(["is it addictive"], encoded);
        Assert.Equal([VectorOf("is it addictive"), VectorOf("what is ketamine")], vectors);
    }

    [Fact]
    public void Embed_TextWithSurroundingSpaces_SharesTheTrimmedTextsEntry()
    {
        NewCache().Embed(["what is ketamine"]);
        encoded.Clear();

        var cache = NewCache();
        cache.Embed(["  what is ketamine \n"]);

        Assert.Equal(0, cache.LastComputed);
    }

    [Fact]
    public void Embed_DamagedFile_IsIgnoredAndRecomputed()
    {
        Directory.CreateDirectory(Folder);
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(CacheFile, garbage);

        var cache = NewCache();
        var vectors = cache.Embed(["what is ketamine", "is it addictive"]);

        Assert.Equal(2, cache.LastComputed);
        Assert.Equal([VectorOf("what is ketamine"), VectorOf("is it addictive")], vectors);

        // The damaged file was replaced by a good one.
        var reread = NewCache();
        Assert.Equal(vectors, reread.Embed(["what is ketamine", "is it addictive"]));
        Assert.Equal(0, reread.LastComputed);
    }

    [Fact]
    public void Embed_TruncatedFile_KeepsWhatWasReadAndRecomputesTheRest()
    {
        string[] texts = ["what is ketamine", "is it addictive", "how long does an infusion take"];
        NewCache().Embed(texts);
        var bytes = File.ReadAllBytes(CacheFile);
        File.WriteAllBytes(CacheFile, bytes[..^10]);
        encoded.Clear();

        var cache = NewCache();
        var vectors = cache.Embed(texts);

        Assert.Equal(1, cache.LastComputed);
        Assert.Single(encoded);
        Assert.Equal(texts.Select(VectorOf), vectors);
    }

    [Fact]
    public void Embed_FileOfOtherDimensions_IsIgnored()
    {
        new EmbeddingCacheFile(Folder, ModelId, 2, texts => [.. texts.Select(t => new float[] { 1, 2 })]).Embed(["what is ketamine"]);

        var cache = NewCache();
        var vectors = cache.Embed(["what is ketamine"]);

        Assert.Equal(1, cache.LastComputed);
        Assert.Equal([VectorOf("what is ketamine")], vectors);
    }

    [Fact]
    public void Embed_EncoderReturnsWrongLength_ThrowsInvalidData()
    {
        var cache = new EmbeddingCacheFile(Folder, ModelId, Dimensions, texts => [.. texts.Select(_ => new float[Dimensions - 1])]);

        var error = Assert.Throws<InvalidDataException>(() => cache.Embed(["what is ketamine"]));

        Assert.Contains("expected 4", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(CacheFile));
    }

    [Fact]
    public void Embed_NoTexts_ComputesNothing()
    {
        var cache = NewCache();

        Assert.Empty(cache.Embed([]));
        Assert.Equal(0, cache.LastComputed);
        Assert.Empty(encoded);
    }
}
