using System.Numerics.Tensors;

namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>
/// Whether a question's topic is one the corpus answers, read from its sentence embedding alone: a logistic regression
/// over the embedding, fitted on the reviewed covered and uncovered questions (class-balanced, small L2 penalty, fixed
/// iterations from zero weights, so the same questions always give the same model). One of the gate's signals.
/// </summary>
public sealed class CoverageTopicModel
{
    private const int Iterations = 500;
    private const double LearningRate = 4.0;
    private const double L2 = 0.0001;

    /// <summary>Folds of the out-of-fold probabilities the gate is fitted on.</summary>
    public const int Folds = 5;

    private readonly float[] weights;
    private readonly double bias;

    private CoverageTopicModel(float[] weights, double bias)
    {
        this.weights = weights;
        this.bias = bias;
    }

    /// <summary>Weights on the embedding's dimensions.</summary>
    public IReadOnlyList<float> Weights => weights;

    /// <summary>The intercept.</summary>
    public double Bias => bias;

    /// <summary>A model stored by an earlier <see cref="Fit"/>.</summary>
    /// <exception cref="InvalidDataException">No weights, or a number that is not finite.</exception>
    public static CoverageTopicModel Restore(IReadOnlyList<float> weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || !weights.All(float.IsFinite) || !double.IsFinite(bias))
        {
            throw new InvalidDataException("The gate's topic model holds no weights or a number out of range.");
        }

        return new CoverageTopicModel([.. weights], bias);
    }

    /// <summary>Probability that the corpus answers a question worded like this embedding.</summary>
    public double Probability(ReadOnlySpan<float> embedding) =>
        embedding.Length != weights.Length ? 0.5 : Sigmoid(bias + TensorPrimitives.Dot(weights, embedding));

    /// <summary>Fits on all the questions (<paramref name="covered"/>[i] says whether question i is answered).</summary>
    public static CoverageTopicModel Fit(IReadOnlyList<ReadOnlyMemory<float>> vectors, IReadOnlyList<bool> covered)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(covered);
        var (w, b) = Train(vectors, covered, Enumerable.Range(0, vectors.Count).ToList());
        return new CoverageTopicModel(w, b);
    }

    /// <summary>
    /// Each question's probability from a model fitted without its fold (folds by position), so that a model fitted on
    /// these probabilities sees what the topic model says about questions it has not learnt.
    /// </summary>
    public static double[] OutOfFold(IReadOnlyList<ReadOnlyMemory<float>> vectors, IReadOnlyList<bool> covered)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(covered);
        var result = new double[vectors.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var training = Enumerable.Range(0, vectors.Count).Where(i => i % Folds != fold).ToList();
            var (w, b) = Train(vectors, covered, training);
            var model = new CoverageTopicModel(w, b);
            for (var i = fold; i < vectors.Count; i += Folds)
            {
                result[i] = model.Probability(vectors[i].Span);
            }
        }

        return result;
    }

    // Batch gradient descent on the class-balanced log loss.
    private static (float[] Weights, double Bias) Train(IReadOnlyList<ReadOnlyMemory<float>> vectors, IReadOnlyList<bool> covered, List<int> rows)
    {
        var dimension = rows.Count == 0 ? 0 : vectors[rows[0]].Length;
        var positives = rows.Count(i => covered[i]);
        var positiveWeight = rows.Count / (2.0 * Math.Max(1, positives));
        var negativeWeight = rows.Count / (2.0 * Math.Max(1, rows.Count - positives));
        var weights = new float[dimension];
        var gradient = new float[dimension];
        var bias = 0.0;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            foreach (var i in rows)
            {
                var x = vectors[i].Span;
                if (x.Length != dimension)
                {
                    continue;
                }

                var error = (Sigmoid(bias + TensorPrimitives.Dot(weights, x)) - (covered[i] ? 1.0 : 0.0)) * (covered[i] ? positiveWeight : negativeWeight);
                TensorPrimitives.MultiplyAdd(x, (float)error, gradient, gradient);
                biasGradient += error;
            }

            var step = (float)(LearningRate / rows.Count);
            for (var j = 0; j < dimension; j++)
            {
                weights[j] -= step * gradient[j] + (float)(LearningRate * L2) * weights[j];
            }

            bias -= LearningRate * biasGradient / rows.Count;
        }

        return (weights, bias);
    }

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
