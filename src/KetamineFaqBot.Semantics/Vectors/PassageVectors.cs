using System.Numerics.Tensors;
using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Semantics.Vectors;

/// <summary>
/// Sentence vectors of every passage (heading and text) and of every FAQ phrasing, built offline with the index
/// and searched by brute-force cosine (vectors are L2-normalised, so a dot product). A passage scores the best of
/// its vectors, so a question close to one FAQ phrasing finds that entry. Each sentence of a passage's text also has a
/// vector (not searched: it lets the extractive composer pick the sentence closest in meaning to the question).
/// </summary>
internal sealed class PassageVectors
{
    public const string FileName = "vectors.bin";
    private static readonly byte[] Magic = "KFQP3\n"u8.ToArray();

    private readonly Passage[] owners;
    private readonly bool[] isPhrasing;
    private readonly float[] matrix;
    private readonly int dimensions;
    private readonly Dictionary<string, float[][]> sentences;

    private PassageVectors(Passage[] owners, bool[] isPhrasing, float[] matrix, int dimensions, Dictionary<string, float[][]> sentences)
    {
        this.owners = owners;
        this.isPhrasing = isPhrasing;
        this.matrix = matrix;
        this.dimensions = dimensions;
        this.sentences = sentences;
    }

    /// <summary>Vectors held (passages plus FAQ phrasings).</summary>
    public int Count => owners.Length;

    /// <summary>What is embedded for each passage: its heading and text, and each FAQ phrasing on its own.</summary>
    public static IReadOnlyList<(Passage Passage, string Text, bool IsPhrasing)> Texts(IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var texts = new List<(Passage, string, bool)>(passages.Count * 2);
        foreach (var passage in passages)
        {
            texts.Add((passage, passage.Section + ". " + passage.Text, false));
            texts.AddRange(passage.Questions.Select(q => (passage, q, true)));
        }

        return texts;
    }

    /// <summary>Every sentence of every passage's text (<see cref="PassageSentences.Split"/>), in passage and sentence order.</summary>
    public static IReadOnlyList<(Passage Passage, string Text)> SentenceTexts(IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        return passages.SelectMany(p => PassageSentences.Split(p.Text).Select(sentence => (p, sentence))).ToList();
    }

    /// <summary>
    /// The cosine at or above which a question is taken as a paraphrase of a vetted FAQ phrasing: just above the
    /// closest pair of phrasings that belong to different FAQ entries (leave-one-out over the corpus's own
    /// phrasings), never below <paramref name="floor"/>. Returns 1 (never) when the corpus has fewer than two entries.
    /// </summary>
    public static float FaqMatchThreshold(IReadOnlyList<(Passage Passage, string Text, bool IsPhrasing)> texts, float[][] vectors, float floor)
    {
        var phrasings = Enumerable.Range(0, texts.Count).Where(i => texts[i].IsPhrasing).ToList();
        var closestOther = float.NegativeInfinity;
        foreach (var i in phrasings)
        {
            foreach (var j in phrasings)
            {
                if (!ReferenceEquals(texts[i].Passage, texts[j].Passage) && !string.Equals(texts[i].Passage.Id, texts[j].Passage.Id, StringComparison.Ordinal))
                {
                    closestOther = Math.Max(closestOther, TensorPrimitives.Dot(vectors[i], vectors[j]));
                }
            }
        }

        return float.IsNegativeInfinity(closestOther) ? 1f : Math.Clamp(MathF.Round(closestOther + 0.01f, 3), floor, 0.99f);
    }

    /// <summary>
    /// The cosine to the best passage at or above which the confidence gate may answer a question whose words it could
    /// not place: just above the best cosines of all but <paramref name="allowedShare"/> of the reviewed questions the
    /// corpus does not answer, clamped to [<paramref name="floor"/>, 0.99]. Returns 1 (never) without such questions.
    /// </summary>
    public static float CoveredThreshold(float[][] passageVectors, IReadOnlyList<float[]> uncovered, double allowedShare, float floor)
    {
        ArgumentNullException.ThrowIfNull(passageVectors);
        ArgumentNullException.ThrowIfNull(uncovered);
        if (uncovered.Count == 0 || passageVectors.Length == 0)
        {
            return 1f;
        }

        var best = uncovered.Select(q => BestCosine(passageVectors, q)).OrderDescending().ToList();
        var allowed = (int)Math.Floor(allowedShare * best.Count);
        var limit = allowed < best.Count ? best[allowed] : float.NegativeInfinity;
        return Math.Clamp(MathF.Ceiling((limit + 0.0005f) * 1000f) / 1000f, floor, 0.99f);
    }

    /// <summary>The best cosine of <paramref name="query"/> to any of the vectors.</summary>
    public static float BestCosine(float[][] vectors, float[] query)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var best = float.NegativeInfinity;
        foreach (var vector in vectors)
        {
            best = Math.Max(best, TensorPrimitives.Dot(vector, query));
        }

        return best;
    }

    public static void Write(
        string file,
        IReadOnlyList<(Passage Passage, string Text, bool IsPhrasing)> texts,
        float[][] vectors,
        IReadOnlyList<(Passage Passage, string Text)> sentenceTexts,
        float[][] sentenceVectors,
        int dimensions)
    {
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        writer.Write(dimensions);
        writer.Write(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            writer.Write(texts[i].Passage.Id);
            writer.Write(texts[i].IsPhrasing);
            foreach (var value in vectors[i])
            {
                writer.Write(value);
            }
        }

        writer.Write(sentenceTexts.Count);
        for (var i = 0; i < sentenceTexts.Count; i++)
        {
            writer.Write(sentenceTexts[i].Passage.Id);
            foreach (var value in sentenceVectors[i])
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
            var phrasing = new bool[count];
            var matrix = new float[count * dimensions];
            for (var i = 0; i < count; i++)
            {
                var id = reader.ReadString();
                owners[i] = byId.TryGetValue(id, out var passage) ? passage
                    : throw new InvalidDataException($"'{file}' has a vector for passage '{id}', which this version does not hold.");
                phrasing[i] = reader.ReadBoolean();
                reader.ReadSingles(matrix.AsSpan(i * dimensions, dimensions));
            }

            var sentenceCount = reader.ReadInt32();
            if (sentenceCount < 0 || (long)sentenceCount * dimensions * sizeof(float) > stream.Length)
            {
                throw new InvalidDataException($"'{file}' declares {sentenceCount} sentence vectors, which its size cannot hold.");
            }

            var bySentence = new Dictionary<string, List<float[]>>(StringComparer.Ordinal);
            for (var i = 0; i < sentenceCount; i++)
            {
                var id = reader.ReadString();
                if (!byId.ContainsKey(id))
                {
                    throw new InvalidDataException($"'{file}' has a sentence vector for passage '{id}', which this version does not hold.");
                }

                var vector = new float[dimensions];
                reader.ReadSingles(vector);
                (bySentence.TryGetValue(id, out var list) ? list : bySentence[id] = []).Add(vector);
            }

            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException($"'{file}' has trailing bytes.");
            }

            // The composer reads sentence i's cosine as the cosine of the i-th sentence it splits: the counts must agree.
            foreach (var passage in byId.Values)
            {
                var expected = PassageSentences.Split(passage.Text).Count;
                var held = bySentence.TryGetValue(passage.Id, out var list) ? list.Count : 0;
                if (held != expected)
                {
                    throw new InvalidDataException($"'{file}' has {held} sentence vector(s) for passage '{passage.Id}', whose text has {expected} sentence(s).");
                }
            }

            if (byId.Values.Any(p => !owners.Contains(p)))
            {
                throw new InvalidDataException($"'{file}' lacks vectors for some passages of this version.");
            }

            return new PassageVectors(owners, phrasing, matrix, dimensions, bySentence.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            // FormatException: a damaged length prefix of a passage id.
            throw new InvalidDataException($"Passage vectors '{file}' could not be read: {ex.Message}", ex);
        }
    }

    /// <summary>The FAQ entry whose phrasing is closest to the query, or null when the corpus has none.</summary>
    public (Passage Passage, float Cosine)? NearestPhrasing(ReadOnlySpan<float> query)
    {
        if (query.Length != dimensions)
        {
            throw new ArgumentException($"Expected a {dimensions}-dimension vector.", nameof(query));
        }

        (Passage Passage, float Cosine)? best = null;
        for (var i = 0; i < owners.Length; i++)
        {
            if (isPhrasing[i])
            {
                var cosine = TensorPrimitives.Dot(query, matrix.AsSpan(i * dimensions, dimensions));
                if (best is null || cosine > best.Value.Cosine)
                {
                    best = (owners[i], cosine);
                }
            }
        }

        return best;
    }

    /// <summary>Cosine of the query to each sentence of the passage's text, in sentence order; null for a passage this version does not hold.</summary>
    public IReadOnlyList<float>? SentenceCosines(Passage passage, ReadOnlySpan<float> query)
    {
        ArgumentNullException.ThrowIfNull(passage);
        if (query.Length != dimensions)
        {
            throw new ArgumentException($"Expected a {dimensions}-dimension vector.", nameof(query));
        }

        if (!sentences.TryGetValue(passage.Id, out var vectors))
        {
            return null;
        }

        var cosines = new float[vectors.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            cosines[i] = TensorPrimitives.Dot(query, vectors[i]);
        }

        return cosines;
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
