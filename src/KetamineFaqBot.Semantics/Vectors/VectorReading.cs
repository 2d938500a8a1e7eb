using System.Runtime.InteropServices;

namespace KetamineFaqBot.Semantics.Vectors;

/// <summary>Reads the little-endian floats <see cref="BinaryWriter.Write(float)"/> wrote.</summary>
internal static class VectorReading
{
    /// <summary>Fills <paramref name="destination"/> from the reader's stream.</summary>
    /// <remarks>
    /// PERF: one read per vector instead of one call per number (the vector files hold about a million numbers and were
    /// read on every start of <c>kfaq ask</c>). On a big-endian machine the numbers are read one by one, as written.
    /// </remarks>
    /// <exception cref="EndOfStreamException">The stream ends first.</exception>
    public static void ReadSingles(this BinaryReader reader, Span<float> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(destination));
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = reader.ReadSingle();
        }
    }
}
