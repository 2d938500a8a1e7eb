namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>
/// The confidence gate's meaning layer: a logistic regression over the signals of one question's searches (see
/// <see cref="ConfidenceGate.Features"/>), fitted on the reviewed covered and uncovered questions of the version served,
/// with its threshold set so that few uncovered questions the words refuse get through. Deterministic: fixed
/// iterations from zero weights, folds by position.
/// </summary>
public sealed class CoverageModel
{
    /// <summary>Signals per question, in <see cref="ConfidenceGate.Features"/> order.</summary>
    public const int FeatureCount = 12;

    /// <summary>Names of the signals, for the build report and the README.</summary>
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "coverage", "log_bm25", "cosine", "agreement", "faq_cosine", "sentence_cosine", "unknown_words", "unknown_share", "log_words",
        "covered_question_cosine", "uncovered_question_cosine", "covered_topic",
    ];

    private const int Folds = 5;
    private const int Iterations = 1500;
    private const double LearningRate = 0.5;
    private const double L2 = 0.01;

    /// <summary>Fewer reviewed questions of either kind than this and no model is fitted.</summary>
    public const int MinPerSide = 10;

    private readonly double[] mean;
    private readonly double[] scale;
    private readonly double[] weights;
    private readonly double bias;

    private CoverageModel(double[] mean, double[] scale, double[] weights, double bias, double threshold, CoverageTopicModel? topic)
    {
        Topic = topic;
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
        Threshold = threshold;
    }

    /// <summary>What the question's embedding alone says about its topic (the <c>covered_topic</c> signal); null: undecided.</summary>
    public CoverageTopicModel? Topic { get; }

    /// <summary>A question the words refuse is answered when its probability is above this.</summary>
    public double Threshold { get; }

    /// <summary>Weights on the standardised signals, in <see cref="FeatureNames"/> order.</summary>
    public IReadOnlyList<double> Weights => weights;

    /// <summary>Mean of each signal over the questions fitted on (the standardisation's centre).</summary>
    public IReadOnlyList<double> Means => mean;

    /// <summary>Standard deviation of each signal over the questions fitted on (the standardisation's scale).</summary>
    public IReadOnlyList<double> Scales => scale;

    /// <summary>The intercept on the standardised signals.</summary>
    public double Bias => bias;

    /// <summary>A model stored by an earlier <see cref="Fit"/> (see <see cref="GateCalibrationExtension"/>).</summary>
    /// <exception cref="InvalidDataException">A list has the wrong length, or a number is not finite, a scale not positive
    /// or the threshold outside [0, 1].</exception>
    public static CoverageModel Restore(
        IReadOnlyList<double> means, IReadOnlyList<double> scales, IReadOnlyList<double> weights, double bias, double threshold, CoverageTopicModel? topic)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(weights);
        if (means.Count != FeatureCount || scales.Count != FeatureCount || weights.Count != FeatureCount)
        {
            throw new InvalidDataException($"The gate's meaning model needs {FeatureCount} means, scales and weights.");
        }

        if (!means.Concat(weights).Append(bias).All(double.IsFinite) || !scales.All(s => double.IsFinite(s) && s > 0)
            || !(threshold is >= 0 and <= 1))
        {
            throw new InvalidDataException("The gate's meaning model holds a number out of range.");
        }

        return new CoverageModel([.. means], [.. scales], [.. weights], bias, threshold, topic);
    }

    /// <summary>Probability that the corpus answers a question with these signals.</summary>
    public double Probability(ReadOnlySpan<double> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} signals, got {features.Length}.", nameof(features));
        }

        return Predict(mean, scale, weights, bias, features);
    }

    /// <summary>
    /// Fits the model on reviewed questions and chooses the threshold by cross-validation: among the uncovered questions
    /// the words refuse, the out-of-fold probabilities of all but <paramref name="allowedShare"/> of ALL uncovered
    /// questions stay at or below it. Null when either side has fewer than <see cref="MinPerSide"/> questions.
    /// </summary>
    /// <param name="samples">The reviewed questions' signals, the topic signal out of fold.</param>
    /// <param name="allowedShare">Share of all uncovered questions the meaning layer may answer.</param>
    /// <param name="topic">The topic model fitted on all the reviewed questions, for the questions to come.</param>
    public static CoverageModel? Fit(IReadOnlyList<CoverageSample> samples, double allowedShare, CoverageTopicModel? topic = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var uncovered = samples.Count(s => !s.Covered);
        if (samples.Count - uncovered < MinPerSide || uncovered < MinPerSide)
        {
            return null;
        }

        var (mean, scale) = Standardisation(samples);
        var outOfFold = new double[samples.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var training = samples.Where((_, i) => i % Folds != fold).ToList();
            var (w, b) = Train(training, mean, scale);
            for (var i = fold; i < samples.Count; i += Folds)
            {
                outOfFold[i] = Predict(mean, scale, w, b, samples[i].Features);
            }
        }

        var refused = samples.Select((s, i) => (s, p: outOfFold[i]))
            .Where(x => !x.s.Covered && !x.s.DecidedByWords)
            .Select(x => x.p)
            .OrderByDescending(p => p)
            .ToList();
        var allowed = (int)Math.Floor(allowedShare * uncovered);
        var threshold = allowed < refused.Count ? refused[allowed] : 0.5;
        var (weights, bias) = Train(samples, mean, scale);
        return new CoverageModel(mean, scale, weights, bias, Math.Round(threshold, 4, MidpointRounding.AwayFromZero), topic);
    }

    private static (double[] Mean, double[] Scale) Standardisation(IReadOnlyList<CoverageSample> samples)
    {
        var mean = new double[FeatureCount];
        var scale = new double[FeatureCount];
        for (var j = 0; j < FeatureCount; j++)
        {
            mean[j] = samples.Average(s => s.Features[j]);
            var variance = samples.Average(s => (s.Features[j] - mean[j]) * (s.Features[j] - mean[j]));
            scale[j] = Math.Sqrt(variance) + 1e-9;
        }

        return (mean, scale);
    }

    // Batch gradient descent on the class-balanced log loss with a small L2 penalty, from zero weights.
    private static (double[] Weights, double Bias) Train(IReadOnlyList<CoverageSample> samples, double[] mean, double[] scale)
    {
        var positives = samples.Count(s => s.Covered);
        var negatives = samples.Count - positives;
        var positiveWeight = samples.Count / (2.0 * Math.Max(1, positives));
        var negativeWeight = samples.Count / (2.0 * Math.Max(1, negatives));
        var standardised = samples.Select(s => Enumerable.Range(0, FeatureCount).Select(j => (s.Features[j] - mean[j]) / scale[j]).ToArray()).ToList();
        var weights = new double[FeatureCount];
        var bias = 0.0;
        var gradient = new double[FeatureCount];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var i = 0; i < samples.Count; i++)
            {
                var z = standardised[i];
                var logit = bias;
                for (var j = 0; j < FeatureCount; j++)
                {
                    logit += weights[j] * z[j];
                }

                var error = (1.0 / (1.0 + Math.Exp(-logit)) - (samples[i].Covered ? 1.0 : 0.0)) * (samples[i].Covered ? positiveWeight : negativeWeight);
                for (var j = 0; j < FeatureCount; j++)
                {
                    gradient[j] += error * z[j];
                }

                biasGradient += error;
            }

            for (var j = 0; j < FeatureCount; j++)
            {
                weights[j] -= LearningRate * (gradient[j] / samples.Count + L2 * weights[j]);
            }

            bias -= LearningRate * biasGradient / samples.Count;
        }

        return (weights, bias);
    }

    private static double Predict(double[] mean, double[] scale, double[] weights, double bias, ReadOnlySpan<double> features)
    {
        var logit = bias;
        for (var j = 0; j < FeatureCount; j++)
        {
            logit += weights[j] * (features[j] - mean[j]) / scale[j];
        }

        return 1.0 / (1.0 + Math.Exp(-logit));
    }
}

/// <summary>One reviewed question's signals for fitting the <see cref="CoverageModel"/>.</summary>
/// <param name="Features">Signals in <see cref="ConfidenceGate.Features"/> order.</param>
/// <param name="Covered">True when the corpus answers it (prompts/coverage/covered.yaml).</param>
/// <param name="DecidedByWords">True when the gate's word layer already answers it.</param>
public sealed record CoverageSample(double[] Features, bool Covered, bool DecidedByWords);
