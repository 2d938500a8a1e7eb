using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using System.Text;

namespace KetamineFaqBot.Semantics.Classification;

/// <summary>
/// The trained route classifier as plain numbers (file <c>route-weights.bin</c> beside <c>route-model.zip</c>): the text
/// features' vocabulary, the per-route weights and biases, and ML.NET's own normalisation and character names for
/// printable ASCII, exported from the model when a version is built (<see cref="RouteWeightsExport"/>).
/// <para>
/// PERF: loading the model through ML.NET (its component catalogue, the transformer chain, a prediction engine) was
/// about a fifth of the CPU time of a fresh <c>kfaq ask</c>. Reading these numbers takes a few milliseconds.
/// </para>
/// <para>
/// <see cref="TryScore"/> computes what ML.NET's prediction engine computes, in the same floating-point order, so the
/// probabilities are ML.NET's to the bit: lower-case and punctuation removal, character trigrams with start and end
/// markers, word unigrams, each bag scaled to unit length, then per route the bias plus the sparse dot product with
/// ML.NET's AVX accumulation (eight lanes, fused multiply-add where the processor has it, its horizontal sums), then
/// its soft-max. It declines (returns false) whatever it does not mirror — a message with a character outside
/// printable ASCII, a message with no letters or digits left, a processor without AVX — and the caller asks ML.NET.
/// A version's build checks the two agree bit for bit on every exemplar before writing the file.
/// </para>
/// </summary>
internal sealed class RouteWeights
{
    public const string FileName = "route-weights.bin";

    private const int FirstAscii = 0x20;
    private const int LastAscii = 0x7E;
    private const char StartMarker = '\u0002';
    private const char EndMarker = '\u0003';
    private const string CharPrefix = "Char.";
    private const string WordPrefix = "Word.";
    private static readonly byte[] Magic = "KFQW1\n"u8.ToArray();

    private readonly string[] asciiText;
    private readonly string[] charNames;
    private readonly Dictionary<string, int> slots;
    private readonly float[] biases;
    private readonly float[] weights;

    /// <param name="labels">Route label of each score, in the model's order.</param>
    /// <param name="embeddingDimensions">Leading features: the sentence embedding.</param>
    /// <param name="textSlots">Names of the text features in slot order (<c>Char.a|b|c</c>, then <c>Word.w</c>).</param>
    /// <param name="asciiText">For each printable ASCII character, what ML.NET's normaliser makes of it ("" when removed).</param>
    /// <param name="charNames">For each character 0–127, ML.NET's name for it in character n-grams.</param>
    /// <param name="biases">One per label.</param>
    /// <param name="weights">Labels × (embedding + text) features, row by row.</param>
    /// <param name="modelSha256">SHA-256 of the <c>route-model.zip</c> these numbers were taken from.</param>
    public RouteWeights(
        IReadOnlyList<string> labels, int embeddingDimensions, IReadOnlyList<string> textSlots, IReadOnlyList<string> asciiText,
        IReadOnlyList<string> charNames, float[] biases, float[] weights, string modelSha256)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(textSlots);
        ArgumentNullException.ThrowIfNull(asciiText);
        ArgumentNullException.ThrowIfNull(charNames);
        ArgumentNullException.ThrowIfNull(biases);
        ArgumentNullException.ThrowIfNull(weights);
        if (labels.Count == 0 || embeddingDimensions <= 0 || biases.Length != labels.Count
            || weights.Length != (long)labels.Count * (embeddingDimensions + textSlots.Count)
            || asciiText.Count != LastAscii - FirstAscii + 1 || asciiText.Any(t => t.Length > 1 || (t.Length == 1 && t[0] >= 128)) || charNames.Count != 128
            || !biases.Concat(weights).All(float.IsFinite))
        {
            throw new InvalidDataException("The route weights do not fit together.");
        }

        slots = new Dictionary<string, int>(textSlots.Count, StringComparer.Ordinal);
        for (var i = 0; i < textSlots.Count; i++)
        {
            if (!slots.TryAdd(textSlots[i], i))
            {
                throw new InvalidDataException($"Two text features are named '{textSlots[i]}'.");
            }
        }

        Labels = [.. labels];
        EmbeddingDimensions = embeddingDimensions;
        TextSlots = [.. textSlots];
        this.asciiText = [.. asciiText];
        this.charNames = [.. charNames];
        this.biases = biases;
        this.weights = weights;
        ModelSha256 = modelSha256;
    }

    public IReadOnlyList<string> Labels { get; }

    public int EmbeddingDimensions { get; }

    public IReadOnlyList<string> TextSlots { get; }

    public string ModelSha256 { get; }

    private int Features => EmbeddingDimensions + TextSlots.Count;

    /// <summary>ML.NET's probabilities for <paramref name="text"/>, in <see cref="Labels"/> order; false when the message is one it leaves to ML.NET.</summary>
    public bool TryScore(string text, ReadOnlySpan<float> embedding, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (embedding.Length != EmbeddingDimensions || scores.Length != Labels.Count || !Avx.IsSupported || !Sse3.IsSupported)
        {
            return false;
        }

        var normalised = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is < (char)FirstAscii or > (char)LastAscii)
            {
                return false;
            }

            normalised.Append(asciiText[c - FirstAscii]);
        }

        var normal = normalised.ToString();
        if (string.IsNullOrWhiteSpace(normal))
        {
            return false;
        }

        // Sparse features in ascending slot order: the embedding, then the character trigrams, then the words.
        var indices = new List<int>(EmbeddingDimensions + 64);
        var values = new List<float>(EmbeddingDimensions + 64);
        for (var i = 0; i < EmbeddingDimensions; i++)
        {
            indices.Add(i);
            values.Add(embedding[i]);
        }

        AddUnitBag(CharTrigrams(normal), indices, values);
        AddUnitBag(Words(normal), indices, values);

        var indexSpan = CollectionsMarshal.AsSpan(indices);
        var valueSpan = CollectionsMarshal.AsSpan(values);
        for (var label = 0; label < Labels.Count; label++)
        {
            scores[label] = biases[label] + SparseDot(weights.AsSpan(label * Features, Features), valueSpan, indexSpan);
        }

        SoftMax(scores);
        return true;
    }

    private SortedDictionary<int, int> CharTrigrams(string normal)
    {
        var names = new string[normal.Length + 2];
        names[0] = charNames[StartMarker];
        for (var i = 0; i < normal.Length; i++)
        {
            names[i + 1] = charNames[normal[i]];
        }

        names[^1] = charNames[EndMarker];
        var counts = new SortedDictionary<int, int>();
        for (var i = 0; i + 3 <= names.Length; i++)
        {
            if (slots.TryGetValue(string.Concat(CharPrefix, names[i], "|", names[i + 1], "|", names[i + 2]), out var slot))
            {
                counts[slot] = counts.GetValueOrDefault(slot) + 1;
            }
        }

        return counts;
    }

    private SortedDictionary<int, int> Words(string normal)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var word in normal.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (slots.TryGetValue(WordPrefix + word, out var slot))
            {
                counts[slot] = counts.GetValueOrDefault(slot) + 1;
            }
        }

        return counts;
    }

    /// <summary>A bag of counts scaled to unit length as ML.NET's L2 normaliser does (float sum of squares, double root, one float scale).</summary>
    private void AddUnitBag(SortedDictionary<int, int> counts, List<int> indices, List<float> values)
    {
        if (counts.Count == 0)
        {
            return;
        }

        var sumOfSquares = 0f;
        foreach (var count in counts.Values)
        {
            sumOfSquares += (float)count * count;
        }

        var divisor = (float)Math.Sqrt(sumOfSquares);
        var scale = 1f;
        if (divisor > 0)
        {
            scale /= divisor;
        }

        foreach (var (slot, count) in counts)
        {
            indices.Add(EmbeddingDimensions + slot);
            values.Add(count * scale);
        }
    }

    /// <summary>
    /// Σ weights[index[i]] × values[i] in the order of ML.NET's AVX sparse dot product: eight lanes over blocks of eight
    /// (fused when the processor has FMA), each lane summed pairwise, then one block of four summed pairwise, then the rest
    /// one by one, then the two partial sums.
    /// </summary>
    private static float SparseDot(ReadOnlySpan<float> weights, ReadOnlySpan<float> values, ReadOnlySpan<int> indices)
    {
        Span<float> lanes = stackalloc float[8];
        lanes.Clear();
        var fused = Fma.IsSupported;
        var i = 0;
        for (; i + 8 <= indices.Length; i += 8)
        {
            for (var lane = 0; lane < 8; lane++)
            {
                var w = weights[indices[i + lane]];
                var x = values[i + lane];
                lanes[lane] = fused ? MathF.FusedMultiplyAdd(x, w, lanes[lane]) : (x * w) + lanes[lane];
            }
        }

        var eights = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        Span<float> four = stackalloc float[4];
        four.Clear();
        if (i + 4 <= indices.Length)
        {
            for (var lane = 0; lane < 4; lane++)
            {
                four[lane] = 0f + (weights[indices[i + lane]] * values[i + lane]);
            }

            i += 4;
        }

        var rest = (four[0] + four[1]) + (four[2] + four[3]);
        for (; i < indices.Length; i++)
        {
            rest += weights[indices[i]] * values[i];
        }

        return rest + eights;
    }

    /// <summary>ML.NET's soft-max over raw scores: log-sum-exp in double from the largest (ties: the first), then each exp(score − lse) to float.</summary>
    private static void SoftMax(Span<float> scores)
    {
        const float LogTolerance = 30;
        var top = 0;
        var max = float.NegativeInfinity;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > max)
            {
                top = i;
                max = scores[i];
            }
        }

        float logSum;
        if (float.IsNegativeInfinity(max) || scores.Length == 1)
        {
            logSum = max;
        }
        else
        {
            var sum = 0.0;
            var cutoff = max - LogTolerance;
            for (var i = 0; i < scores.Length; i++)
            {
                if (i != top && scores[i] > cutoff)
                {
                    sum += Math.Exp(scores[i] - max);
                }
            }

            logSum = sum > 0.0 ? (float)(max + Math.Log(1.0 + sum)) : max;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = (float)Math.Exp(scores[i] - logSum);
        }
    }

    public void Write(string path)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(ModelSha256);
            writer.Write(EmbeddingDimensions);
            WriteStrings(writer, Labels);
            WriteStrings(writer, TextSlots);
            WriteStrings(writer, asciiText);
            WriteStrings(writer, charNames);
            writer.Write(MemoryMarshal.AsBytes(biases.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(weights.AsSpan()));
        }

        var content = buffer.ToArray();
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        file.Write(content);
        file.Write(SHA256.HashData(content));
    }

    /// <exception cref="InvalidDataException">The file is missing, damaged or inconsistent.</exception>
    public static RouteWeights Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The route weights '{path}' could not be read: {ex.Message}", ex);
        }

        const int HashLength = 32;
        if (bytes.Length < Magic.Length + HashLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashLength)))
        {
            throw new InvalidDataException($"The route weights '{path}' are damaged (their checksum does not match).");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, bytes.Length - HashLength - Magic.Length), Encoding.UTF8);
            var modelSha256 = reader.ReadString();
            var dimensions = reader.ReadInt32();
            var labels = ReadStrings(reader);
            var textSlots = ReadStrings(reader);
            var asciiText = ReadStrings(reader);
            var charNames = ReadStrings(reader);
            var biases = new float[labels.Length];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(biases.AsSpan()));
            var weights = new float[checked(labels.Length * (dimensions + textSlots.Length))];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new InvalidDataException("trailing bytes");
            }

            return new RouteWeights(labels, dimensions, textSlots, asciiText, charNames, biases, weights, modelSha256);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or OverflowException or ArgumentException
                                       or InvalidDataException)
        {
            throw new InvalidDataException($"The route weights '{path}' could not be read: {ex.Message}", ex);
        }
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyCollection<string> strings)
    {
        writer.Write(strings.Count);
        foreach (var s in strings)
        {
            writer.Write(s);
        }
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length)
        {
            throw new InvalidDataException($"a list of {count} names");
        }

        var strings = new string[count];
        for (var i = 0; i < count; i++)
        {
            strings[i] = reader.ReadString();
        }

        return strings;
    }
}
