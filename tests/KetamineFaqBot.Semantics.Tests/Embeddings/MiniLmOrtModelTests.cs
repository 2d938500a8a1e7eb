using KetamineFaqBot.Retrieval.Tests.TestSupport;
using KetamineFaqBot.Semantics.Embeddings;

namespace KetamineFaqBot.Semantics.Tests.Embeddings;

/// <summary>
/// The model in ONNX Runtime's own format is made on the first load and used from then on; it must give the vectors
/// model.onnx gives, to the bit, or every stored passage vector would be compared with slightly different questions.
/// </summary>
public sealed class MiniLmOrtModelTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private MiniLmModelFiles CopyOfBuiltFiles()
    {
        var folder = temp.Combine("models");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(MiniLmModelFiles.DefaultFolder, MiniLmModelFiles.ModelFileName), Path.Combine(folder, MiniLmModelFiles.ModelFileName));
        File.Copy(Path.Combine(MiniLmModelFiles.DefaultFolder, MiniLmModelFiles.VocabularyFileName), Path.Combine(folder, MiniLmModelFiles.VocabularyFileName));
        return MiniLmModelFiles.Open(folder, MiniLmModelFiles.DefaultPackageAssembly);
    }

    private static readonly string[] Texts =
    [
        "is ketamine addictive", "can I drive home after my infusion", "I want to end my life",
        "how much does a course of ketamine infusions cost and does insurance cover any of it", "hi",
        "What are the side effects of esketamine nasal spray compared with IV ketamine, and how long do they last?",
        "my friend is not breathing after taking ket", "who can prescribe ketamine for depression", "thanks!",
        "Ketamine is a dissociative anaesthetic that has been used in medicine for decades. At lower doses it can reduce depressive symptoms within hours.",
        "¿la ketamina es adictiva?", "what’s the difference between spravato and infusions", "0.5 mg/kg over 40 minutes",
    ];

    [Fact]
    public void Encoder_SecondLoad_UsesTheOrtFileAndGivesModelOnnxsVectorsToTheBit()
    {
        var files = CopyOfBuiltFiles();
        float[][] fromOnnx;
        using (var first = new MiniLmOnnxEncoder(files, batchSize: 8))
        {
            Assert.False(first.FromOrtFormat);
            fromOnnx = first.Encode(Texts, parallelism: 2);
        }

        Assert.True(File.Exists(MiniLmOrtModel.PathFor(files)));
        Assert.True(File.Exists(MiniLmOrtModel.PathFor(files) + MiniLmOrtModel.StampSuffix));
        using var second = new MiniLmOnnxEncoder(files, batchSize: 8);
        var fromOrt = second.Encode(Texts, parallelism: 2);
        var oneByOne = Texts.Select(t => second.Encode([t], parallelism: 1)[0]).ToArray();

        Assert.True(second.FromOrtFormat);
        Assert.Equal(fromOnnx, fromOrt);
        using var third = new MiniLmOnnxEncoder(files, batchSize: 8);
        Assert.Equal(Texts.Select(t => third.Encode([t], parallelism: 1)[0]).ToArray(), oneByOne);
    }

    [Fact]
    public void Encoder_OrtFileChangedAfterItsStamp_IgnoredAndMadeAgain()
    {
        var files = CopyOfBuiltFiles();
        using (new MiniLmOnnxEncoder(files, batchSize: 8))
        {
        }

        var path = MiniLmOrtModel.PathFor(files);
        var written = File.GetLastWriteTimeUtc(path);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, written.AddSeconds(1));

        using var encoder = new MiniLmOnnxEncoder(files, batchSize: 8);

        Assert.False(encoder.FromOrtFormat);
        Assert.True(new FileInfo(path).Length > 1_000_000);
        Assert.NotNull(MiniLmOrtModel.TryRead(files));
    }

    [Fact]
    public void Encoder_StampedOrtFileThatIsNotAModel_FallsBackToModelOnnx()
    {
        var files = CopyOfBuiltFiles();
        var path = MiniLmOrtModel.PathFor(files);
        File.WriteAllBytes(path, new byte[4096]);
        File.WriteAllText(path + MiniLmOrtModel.StampSuffix,
            $"{MiniLmModelFiles.ModelSha256} 4096 {File.GetLastWriteTimeUtc(path).Ticks}\n");

        using var encoder = new MiniLmOnnxEncoder(files, batchSize: 8);

        Assert.False(encoder.FromOrtFormat);
        Assert.Equal(MiniLmEmbeddingGenerator.Shared.Encode(["is ketamine addictive"])[0], encoder.Encode(["is ketamine addictive"], parallelism: 1)[0]);
    }
}
