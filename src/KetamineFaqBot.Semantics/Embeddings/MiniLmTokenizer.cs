using BERTTokenizers.Base;

namespace KetamineFaqBot.Semantics.Embeddings;

/// <summary>
/// The SentenceTransformers package's own uncased word-piece tokenizer, read from the vocabulary file rather than from
/// the package's resource assembly: the same word pieces, so the same vectors.
/// </summary>
internal sealed class MiniLmTokenizer : UncasedTokenizer
{
    private MiniLmTokenizer(Stream vocabulary)
        : base(vocabulary)
    {
    }

    public static MiniLmTokenizer FromFile(string vocabularyPath)
    {
        using var stream = File.OpenRead(vocabularyPath);
        return new MiniLmTokenizer(stream);
    }
}
