using System.Security.Cryptography;
using System.Text;

namespace KetamineFaqBot.Semantics.Embeddings;

/// <summary>
/// Vectors computed at build time, kept on disk by a hash of their text, so an unchanged corpus or exemplar set
/// embeds nothing on the next build (and test processes share one model run). Only hashes and vectors are stored,
/// never the text. The file is rewritten whole through a temporary file, so a reader never sees half of it; a
/// damaged file is ignored and rebuilt.
/// </summary>
public sealed class EmbeddingCacheFile
{
    private const int HashBytes = 32;
    private static readonly byte[] Magic = "KFQV1\n"u8.ToArray();

    private readonly string path;
    private readonly int dimensions;
    private readonly Func<IReadOnlyList<string>, float[][]> encode;

    /// <param name="folder">Cache folder; created when missing.</param>
    /// <param name="modelId">Part of the file name: vectors of another model are never mixed in.</param>
    /// <param name="dimensions">Vector length.</param>
    /// <param name="encode">Computes vectors the cache does not hold.</param>
    public EmbeddingCacheFile(string folder, string modelId, int dimensions, Func<IReadOnlyList<string>, float[][]> encode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        path = Path.Combine(folder, modelId + ".vectors");
        this.dimensions = dimensions;
        this.encode = encode ?? throw new ArgumentNullException(nameof(encode));
    }

    /// <summary>How many texts the last <see cref="Embed"/> call had to compute.</summary>
    public int LastComputed { get; private set; }

    /// <summary>Vectors for <paramref name="texts"/>, in order, from the cache where it has them.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var known = Read();
        var keys = texts.Select(Key).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !known.ContainsKey(keys[i])).ToList();
        var distinctMissing = missing.Select(i => keys[i]).Distinct(StringComparer.Ordinal).Count();
        LastComputed = distinctMissing;
        if (missing.Count > 0)
        {
            var toEncode = missing.GroupBy(i => keys[i], StringComparer.Ordinal).Select(g => g.First()).ToList();
            var vectors = encode(toEncode.Select(i => texts[i]).ToList());
            for (var j = 0; j < toEncode.Count; j++)
            {
                if (vectors[j].Length != dimensions)
                {
                    throw new InvalidDataException($"The encoder returned {vectors[j].Length} values; expected {dimensions}.");
                }

                known[keys[toEncode[j]]] = vectors[j];
            }

            TryWrite(known);
        }

        return keys.Select(k => known[k]).ToArray();
    }

    private static string Key(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(MiniLmEmbeddingGenerator.Cap(text))));

    private Dictionary<string, float[]> Read()
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new BinaryReader(stream);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != dimensions)
            {
                return result;
            }

            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var hash = Convert.ToHexStringLower(reader.ReadBytes(HashBytes));
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                result[hash] = vector;
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or EndOfStreamException or IOException)
        {
            // No cache yet, or a damaged one: what was read is kept, the rest is recomputed.
        }

        return result;
    }

    private void TryWrite(Dictionary<string, float[]> vectors)
    {
        var temp = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new BinaryWriter(stream))
            {
                writer.Write(Magic);
                writer.Write(dimensions);
                writer.Write(vectors.Count);
                foreach (var (hash, vector) in vectors)
                {
                    writer.Write(Convert.FromHexString(hash));
                    foreach (var value in vector)
                    {
                        writer.Write(value);
                    }
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs time on the next build.
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
