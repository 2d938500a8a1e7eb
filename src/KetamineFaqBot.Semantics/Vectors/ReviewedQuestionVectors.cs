namespace KetamineFaqBot.Semantics.Vectors;

/// <summary>
/// The reviewed uncovered questions with their vectors, kept in each index version (<c>uncovered.bin</c>, and the
/// reviewed covered ones in <c>covered.bin</c>, same layout) so the confidence gate can calibrate its meaning layer
/// against the version's own word and meaning searches.
/// </summary>
internal static class ReviewedQuestionVectors
{
    public const string UncoveredFileName = "uncovered.bin";

    public const string CoveredFileName = "covered.bin";
    private static readonly byte[] Magic = "KFQU1\n"u8.ToArray();

    public static void Write(string file, IReadOnlyList<string> questions, float[][] vectors, int dimensions)
    {
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        writer.Write(dimensions);
        writer.Write(questions.Count);
        for (var i = 0; i < questions.Count; i++)
        {
            writer.Write(questions[i]);
            foreach (var value in vectors[i])
            {
                writer.Write(value);
            }
        }
    }

    /// <exception cref="InvalidDataException">The file is missing or damaged.</exception>
    public static IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> Read(string file, int dimensions)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var reader = new BinaryReader(stream);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException($"'{file}' is not a reviewed-question file.");
            }

            var stored = reader.ReadInt32();
            if (stored != dimensions)
            {
                throw new InvalidDataException($"'{file}' holds {stored}-dimension vectors; the model makes {dimensions}.");
            }

            var count = reader.ReadInt32();
            if (count < 0 || (long)count * dimensions * sizeof(float) > stream.Length)
            {
                throw new InvalidDataException($"'{file}' declares {count} questions, which its size cannot hold.");
            }

            var result = new List<(string, ReadOnlyMemory<float>)>(count);
            for (var i = 0; i < count; i++)
            {
                var text = reader.ReadString();
                var vector = new float[dimensions];
                reader.ReadSingles(vector);

                result.Add((text, vector));
            }

            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException($"'{file}' has trailing bytes.");
            }

            return result;
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            throw new InvalidDataException($"Reviewed questions '{file}' could not be read: {ex.Message}", ex);
        }
    }
}
