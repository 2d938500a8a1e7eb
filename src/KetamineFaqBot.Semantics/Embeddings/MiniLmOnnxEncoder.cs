using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace KetamineFaqBot.Semantics.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 over ONNX Runtime, computing what the SentenceTransformers package's <c>SentenceEncoder</c>
/// computes (its tokenizer, the model's last hidden state, mean pooling over the attention mask, L2 normalisation, in
/// the same floating-point order) but with the model read from a file and without a lock:
/// <list type="bullet">
/// <item>ONNX Runtime's <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is thread-safe, so concurrent questions each run the model on their own thread, and a long list (an index build)
/// is split into batches that run in parallel on the same session: one intra-op thread per run, no second copy of
/// the weights;</item>
/// <item>texts are batched by token count (a batch is padded to its longest input) and put back in order;</item>
/// <item>only the hidden state is asked for (the package also computed the unused pooler output);</item>
/// <item>no CPU memory arena: the arena keeps its largest batch's buffers for the life of the process.</item>
/// </list>
/// </summary>
internal sealed class MiniLmOnnxEncoder : IDisposable
{
    private const int Dimensions = MiniLmEmbeddingGenerator.Dimensions;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly InferenceSession session;

    // The session reads its weights from these bytes (MiniLmOrtModel); they live as long as it does.
    private readonly byte[]? modelBytes;
    private readonly MiniLmTokenizer tokenizer;
    private readonly string[] outputNames;
    private readonly int batchSize;

    /// <param name="files">The verified model and vocabulary files.</param>
    /// <param name="batchSize">Texts per model run.</param>
    public MiniLmOnnxEncoder(MiniLmModelFiles files, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.batchSize = batchSize;
        tokenizer = MiniLmTokenizer.FromFile(files.VocabularyPath);
        var bytes = MiniLmOrtModel.TryRead(files);
        if (bytes is not null)
        {
            try
            {
                using var options = Options();
                MiniLmOrtModel.UseInPlace(options);
                session = new InferenceSession(bytes, options);
                modelBytes = bytes;
            }
            catch (OnnxRuntimeException)
            {
                // Not a file this runtime takes after all: model.onnx now, and the file is made again.
                MiniLmOrtModel.Forget(files);
            }
        }

        if (session is null)
        {
            using var options = Options();
            session = new InferenceSession(files.ModelPath, options);

            // Costs a second load of model.onnx, once: every later start loads the faster file.
            MiniLmOrtModel.TryWrite(files, Options);
        }

        // The first output is the token embeddings (last_hidden_state), the one the package pools.
        outputNames = [session.OutputMetadata.Keys.First()];
    }

    /// <summary>Vectors for <paramref name="texts"/> (already capped), in order.</summary>
    /// <param name="texts">Non-empty texts.</param>
    /// <param name="parallelism">Batches run at once.</param>
    /// <param name="cancellationToken">Stops between batches and inside a model run.</param>
    public float[][] Encode(IReadOnlyList<string> texts, int parallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokens = new (long[] Ids, long[] Types)[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            // One text at a time: the package tokenizes each text on its own and only pads afterwards.
            var (ids, types, _) = tokenizer.Encode(texts[i])[0];
            tokens[i] = (ids, types);
        }

        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Ids.Length).ToArray();
        var result = new float[texts.Count][];
        var batches = (texts.Count + batchSize - 1) / batchSize;
        if (batches <= 1 || parallelism <= 1)
        {
            for (var b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RunBatch(order, b, tokens, result, cancellationToken);
            }
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
            Parallel.For(0, batches, options, b => RunBatch(order, b, tokens, result, cancellationToken));
        }

        return result;
    }

    public void Dispose() => session.Dispose();

    /// <summary>True when the session was created from ONNX Runtime's own format (tests).</summary>
    internal bool FromOrtFormat => modelBytes is not null;

    private static SessionOptions Options() => new() { IntraOpNumThreads = 1, InterOpNumThreads = 1, EnableCpuMemArena = false };

    /// <summary>Mean of the token vectors of the first <paramref name="length"/> tokens, L2-normalised.</summary>
    /// <remarks>
    /// The same operations in the same order as the package's <c>DenseTensorHelpers</c> (sum per dimension token by
    /// token, times 1/count, then times 1/‖v‖ with the same epsilons), so the vectors are the package's to the bit.
    /// Padding adds nothing there (its mask is zero), so it is skipped here.
    /// </remarks>
    internal static float[] Pool(ReadOnlySpan<float> hidden, int length)
    {
        var vector = new float[Dimensions];
        for (var j = 0; j < length; j++)
        {
            TensorPrimitives.Add(vector, hidden.Slice(j * Dimensions, Dimensions), vector);
        }

        TensorPrimitives.Multiply(vector, 1f / MathF.Max(length, 1e-9f), vector);
        var sumOfSquares = 0f;
        for (var k = 0; k < Dimensions; k++)
        {
            sumOfSquares += vector[k] * vector[k];
        }

        TensorPrimitives.Multiply(vector, 1f / MathF.Max(MathF.Sqrt(sumOfSquares), 1e-12f), vector);
        return vector;
    }

    private void RunBatch(int[] order, int batch, (long[] Ids, long[] Types)[] tokens, float[][] result, CancellationToken cancellationToken)
    {
        var members = order.AsSpan(batch * batchSize, Math.Min(batchSize, order.Length - (batch * batchSize)));
        var rows = members.Length;
        var width = tokens[members[^1]].Ids.Length;
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        var types = new long[rows * width];
        for (var r = 0; r < rows; r++)
        {
            var (rowIds, rowTypes) = tokens[members[r]];
            rowIds.CopyTo(ids, r * width);
            rowTypes.CopyTo(types, r * width);
            mask.AsSpan(r * width, rowIds.Length).Fill(1);
        }

        long[] shape = [rows, width];
        using var runOptions = new RunOptions();
        using var cancel = cancellationToken.Register(() => runOptions.Terminate = true);
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var outputs = session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], outputNames);
        cancellationToken.ThrowIfCancellationRequested();
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var stride = width * Dimensions;
        for (var r = 0; r < rows; r++)
        {
            result[members[r]] = Pool(hidden.Slice(r * stride, stride), tokens[members[r]].Ids.Length);
        }
    }
}
