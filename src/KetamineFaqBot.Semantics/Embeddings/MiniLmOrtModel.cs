using System.Globalization;
using Microsoft.ML.OnnxRuntime;

namespace KetamineFaqBot.Semantics.Embeddings;

/// <summary>
/// The sentence model in ONNX Runtime's own format (<c>model.&lt;runtime version&gt;.ort</c> beside <c>model.onnx</c>),
/// written by ONNX Runtime itself the first time the model is loaded and read on every later start.
/// <para>
/// PERF: creating the session from <c>model.onnx</c> was the largest single cost of a fresh <c>kfaq ask</c> (about 0.7 s of
/// CPU: parsing 87 MB of protocol buffers, copying every weight, fusing the graph). From this file, held in memory that
/// never moves and used in place (<c>session.use_ort_model_bytes_directly</c>, <c>…_for_initializers</c>), the weights are
/// not copied and the graph is already fused: about a third less. The graph is saved at the extended optimisation level
/// (fusions that do not depend on the processor) and loaded with the same settings as <c>model.onnx</c>; the vectors are
/// the same to the bit (MiniLmOrtModelTests).
/// </para>
/// <para>
/// The file is trusted as <see cref="MiniLmModelFiles"/> trusts a stamped file: its stamp records the hash of the
/// <c>model.onnx</c> it was made from and its own length and time. A file that does not match, or that ONNX Runtime refuses,
/// is ignored (and made again); failing to write it only means loading <c>model.onnx</c> next time too.
/// </para>
/// </summary>
internal static class MiniLmOrtModel
{
    /// <summary>Ends the name of the stamp beside the file.</summary>
    public const string StampSuffix = ".verified";

    /// <summary>The file for this ONNX Runtime version (the format belongs to the runtime that wrote it).</summary>
    public static string PathFor(MiniLmModelFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var version = OrtEnv.Instance().GetVersionString();
        return Path.Combine(Path.GetDirectoryName(files.ModelPath)!, $"model.{version}.ort");
    }

    /// <summary>The file's bytes in pinned memory, or null when there is no trustworthy file.</summary>
    public static byte[]? TryRead(MiniLmModelFiles files)
    {
        var path = PathFor(files);
        try
        {
            var file = new FileInfo(path);
            var stamp = path + StampSuffix;
            if (!file.Exists || !File.Exists(stamp) || !string.Equals(File.ReadAllText(stamp), StampText(file), StringComparison.Ordinal))
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

            // Pinned for the life of the session, which reads its weights from these bytes.
            var bytes = GC.AllocateUninitializedArray<byte>(checked((int)stream.Length), pinned: true);
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Session settings to load the bytes of <see cref="TryRead"/> in place.</summary>
    public static void UseInPlace(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSessionConfigEntry("session.load_model_format", "ORT");
        options.AddSessionConfigEntry("session.use_ort_model_bytes_directly", "1");
        options.AddSessionConfigEntry("session.use_ort_model_bytes_for_initializers", "1");
    }

    /// <summary>Writes the file from the verified <c>model.onnx</c> with a session of its own (best effort).</summary>
    /// <param name="files">The verified model files.</param>
    /// <param name="options">Creates the session settings the encoder uses, to which the saving ones are added.</param>
    public static void TryWrite(MiniLmModelFiles files, Func<SessionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = PathFor(files);
        var temp = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N") + ".tmp.ort";
        try
        {
            using (var saving = options())
            {
                saving.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED;
                saving.OptimizedModelFilePath = temp;
                saving.AddSessionConfigEntry("session.save_model_format", "ORT");
                using var session = new InferenceSession(files.ModelPath, saving);
            }

            File.Move(temp, path, overwrite: true);
            File.WriteAllText(path + StampSuffix, StampText(new FileInfo(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OnnxRuntimeException)
        {
            TryDelete(temp);
        }
    }

    /// <summary>Removes the file and its stamp (after ONNX Runtime refused it).</summary>
    public static void Forget(MiniLmModelFiles files)
    {
        var path = PathFor(files);
        TryDelete(path + StampSuffix);
        TryDelete(path);
    }

    private static string StampText(FileInfo file) => string.Create(CultureInfo.InvariantCulture,
        $"{MiniLmModelFiles.ModelSha256} {file.Length} {file.LastWriteTimeUtc.Ticks}\n");

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
