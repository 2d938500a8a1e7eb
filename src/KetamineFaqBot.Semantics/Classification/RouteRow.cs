using Microsoft.ML.Data;

namespace KetamineFaqBot.Semantics.Classification;

/// <summary>One message as the route classifier reads it: its text and its sentence embedding.</summary>
internal sealed class RouteRow
{
    public string Text { get; set; } = string.Empty;

    [VectorType(Embeddings.MiniLmEmbeddingGenerator.Dimensions)]
    public float[] Embedding { get; set; } = [];

    public string Label { get; set; } = string.Empty;

    /// <summary>Class-balancing weight: N / (classes × count(label)).</summary>
    public float Weight { get; set; } = 1f;
}
