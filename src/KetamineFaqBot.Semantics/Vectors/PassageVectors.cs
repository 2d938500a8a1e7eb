using System.Numerics.Tensors;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Semantics.Vectors;

/// <summary>
/// Sentence vectors of every passage (heading and text) and of every FAQ phrasing, built offline with the index
/// and searched by brute-force cosine (vectors are L2-normalised, so a dot product). A passage scores the best of
/// its vectors, so a question close to one FAQ phrasing finds that entry.
/// </summary>
internal sealed class PassageVectors
{
    public const string FileName = "vectors.bin";
    private static readonly byte[] Magic = "KFQP1\n"u8.ToArray();

    private readonly Passage[] owners;
    private readonly float[] matrix;
    private readonly int dimensions;

    private PassageVectors(Passage[] owners, float[] matrix, int dimensions)
    {
        this.owners = owners;
        this.matrix = matrix;
        this.dimensions = dimensions;
    }

    /// <summary>Vectors held (passages plus FAQ phrasings).</summary>
    public int Count => owners.Length;

    /// <summary>What is embedded for each passage: its heading and text, and each FAQ phrasing on its own.</summary>
    public static IReadOnlyList<(Passage Passage, string Text)> Texts(IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var texts = new List<(Passage, string)>(passages.Count * 2);
        foreach (var passage in passages)
        {
            texts.Add((passage, passage.Section + ". " + passage.Text));
            texts.AddRange(passage.Questions.Select(q => (passage, q)));
        }

        return texts;
    }

    public static void Write(string file, IReadOnlyList<(Passage Passage, string Text)> texts, float[][] vectors, int dimensions)
    {
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        writer.Write(dimensions);
        writer.Write(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            writer.Write(texts[i].Passage.Id);
            foreach (var value in vectors[i])
            {
                writer.Write(value);
            }
        }
    }

    /// <exception cref="InvalidDataException">The file is missing, damaged or names passages the version does not hold.</exception>
    public static PassageVectors Read(string file, IReadOnlyList<Passage> passages, int dimensions)
    {
        var byId = passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var reader = new BinaryReader(stream);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException($"'{file}' is not a passage vector file.");
            }

            var stored = reader.ReadInt32();
            if (stored != dimensions)
            {
                throw new InvalidDataException($"'{file}' holds {stored}-dimension vectors; the model makes {dimensions}.");
            }

            var count = reader.ReadInt32();
            if (count <= 0 || (long)count * dimensions * sizeof(float) > stream.Length)
            {
                throw new InvalidDataException($"'{file}' declares {count} vectors, which its size cannot hold.");
            }

            var owners = new Passage[count];
            var matrix = new float[count * dimensions];
            for (var i = 0; i < count; i++)
            {
                var id = reader.ReadString();
                owners[i] = byId.TryGetValue(id, out var passage) ? passage
                    : throw new InvalidDataException($"'{file}' has a vector for passage '{id}', which this version does not hold.");
                for (var d = 0; d < dimensions; d++)
                {
                    matrix[(i * dimensions) + d] = reader.ReadSingle();
                }
            }

            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException($"'{file}' has trailing bytes.");
            }

            if (byId.Values.Any(p => !owners.Contains(p)))
            {
                throw new InvalidDataException($"'{file}' lacks vectors for some passages of this version.");
            }

            return new PassageVectors(owners, matrix, dimensions);
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException)
        {
            throw new InvalidDataException($"Passage vectors '{file}' could not be read: {ex.Message}", ex);
        }
    }

    public IReadOnlyList<(Passage Passage, float Cosine)> Nearest(ReadOnlySpan<float> query, int top)
    {
        if (query.Length != dimensions)
        {
            throw new ArgumentException($"Expected a {dimensions}-dimension vector.", nameof(query));
        }

        var best = new Dictionary<Passage, float>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < owners.Length; i++)
        {
            var cosine = TensorPrimitives.Dot(query, matrix.AsSpan(i * dimensions, dimensions));
            if (!best.TryGetValue(owners[i], out var current) || cosine > current)
            {
                best[owners[i]] = cosine;
            }
        }

        return best.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Id, StringComparer.Ordinal).Take(Math.Max(0, top))
            .Select(p => (p.Key, p.Value)).ToList();
    }
}
