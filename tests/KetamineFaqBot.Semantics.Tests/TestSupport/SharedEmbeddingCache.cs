using KetamineFaqBot.Semantics.Embeddings;

namespace KetamineFaqBot.Semantics.Tests.TestSupport;

/// <summary>
/// The build-time vector cache the test processes of one machine share (the CLI tests use the same folder), so the
/// model embeds each text once.
/// </summary>
public static class SharedEmbeddingCache
{
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "kfaq-test-embedding-cache");

    public static EmbeddingCacheFile Open() =>
        new(Folder, MiniLmEmbeddingGenerator.ModelId, MiniLmEmbeddingGenerator.Dimensions, texts => MiniLmEmbeddingGenerator.Shared.Encode(texts));
}
