using System.Globalization;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Semantics.Exemplars;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace KetamineFaqBot.Semantics.Classification;

/// <summary>
/// Trains the route classifier from reviewed exemplars (plus seeded typo copies) and calibrates its thresholds by
/// k-fold cross-validation: every exemplar is scored by a model that never saw it or its typo copy.
/// Deterministic: fixed seeds, one training thread per model (the fold models train side by side).
/// </summary>
internal static class RouteClassifierTrainer
{
    public const int Folds = 5;
    private const int Seed = 20261207;

    /// <summary>At most this share of benign held-out exemplars may be sent to a safety route by the classifier.</summary>
    public const double MaxFalseSafetyRate = 0.02;

    /// <summary>At most this share of benign held-out exemplars may get the crisis check-in.</summary>
    public const double MaxCheckInRate = 0.08;

    /// <summary>
    /// Thresholds never go below these, whatever the calibration says. The classifier takes a route only when it finds
    /// it more likely than not: on unseen benign questions, routes taken at lower probabilities were mostly wrong.
    /// </summary>
    private const float MinimumThreshold = 0.5f;

    /// <summary>
    /// Crisis and emergency may be taken a little below even odds when they are also the most probable route: when
    /// unsure whether a message is a crisis or an emergency, the fixed safety text is the safer reply.
    /// </summary>
    private const float MinimumSafetyThreshold = 0.4f;
    private const float MinimumCheckIn = 0.15f;

    /// <summary>
    /// A referral rule is set aside only when the classifier is at least this sure the message is an informational
    /// question: the rules name personal medical advice, and that always gets the referral.
    /// </summary>
    private const float MinimumReferralRelease = 0.9f;

    private static readonly Route[] Benign = [Route.Answer, Route.OutOfScope, Route.Smalltalk];

    public static (RouteModel Model, RouteCalibration Calibration) Train(
        IReadOnlyList<Exemplar> exemplars, Func<IReadOnlyList<string>, float[][]> embed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exemplars);
        ArgumentNullException.ThrowIfNull(embed);
        var random = new Random(Seed);
        var augmented = exemplars.Select(e => TypoAugmenter.Augment(e.Text, random)).ToList();
        var vectors = embed([.. exemplars.Select(e => e.Text), .. augmented]);
        var rows = new List<(int Group, RouteRow Row, bool Original)>(exemplars.Count * 2);
        for (var i = 0; i < exemplars.Count; i++)
        {
            var label = exemplars[i].Route.ToWire();
            rows.Add((i, new RouteRow { Text = exemplars[i].Text, Embedding = vectors[i], Label = label }, true));
            rows.Add((i, new RouteRow { Text = augmented[i], Embedding = vectors[exemplars.Count + i], Label = label }, false));
        }

        // Folds by exemplar, so a typo copy is never scored by a model trained on its original.
        var order = Enumerable.Range(0, exemplars.Count).OrderBy(_ => random.Next()).ToArray();
        var fold = new int[exemplars.Count];
        for (var p = 0; p < order.Length; p++)
        {
            fold[order[p]] = p % Folds;
        }

        // The five fold models and the final one are independent fits, each with its own seeded context and one
        // training thread, so they run side by side on the cores with the same results as one after another.
        var heldOut = new RouteScoresByExemplar(exemplars.Count);
        RouteModel? final = null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, Folds + 1, options, f =>
        {
            if (f == Folds)
            {
                final = Fit(rows.Select(r => Copy(r.Row)).ToList());
                return;
            }

            var model = Fit(rows.Where(r => fold[r.Group] != f).Select(r => Copy(r.Row)).ToList());
            foreach (var (group, row, original) in rows)
            {
                if (original && fold[group] == f)
                {
                    heldOut.Set(group, model.Predict(row.Text, row.Embedding));
                }
            }
        });

        var calibration = Calibrate(exemplars, heldOut);
        return (final!, calibration);
    }

    /// <summary>Each fit sets its own example weights, so fits running at once never share a row.</summary>
    private static RouteRow Copy(RouteRow row) => new() { Text = row.Text, Embedding = row.Embedding, Label = row.Label };

    internal static RouteModel Fit(IReadOnlyList<RouteRow> rows)
    {
        var counts = rows.GroupBy(r => r.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var row in rows)
        {
            row.Weight = (float)rows.Count / (counts.Count * counts[row.Label]);
        }

        var context = new MLContext(seed: Seed);
        var data = context.Data.LoadFromEnumerable(rows);
        var labelKeys = context.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data);
        var keyed = labelKeys.Transform(data);
        var text = TextOptions();
        // L-BFGS reads the data once per function evaluation; without the cache checkpoint every pass featurised the
        // text again (about three quarters of the training time). The cached rows hold the same values, so the model
        // is the same.
        var pipeline = context.Transforms.Text.FeaturizeText("TextFeatures", text, nameof(RouteRow.Text))
            .Append(context.Transforms.Concatenate("Features", nameof(RouteRow.Embedding), "TextFeatures"))
            .AppendCacheCheckpoint(context)
            .Append(context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(RouteRow.Weight),
                L1Regularization = 0f,
                L2Regularization = 0.1f,
                NumberOfThreads = 1,
            }));
        var trained = pipeline.Fit(keyed);

        // The served model reads only text and embedding; the label mapping stays behind with the training data.
        var inputSchema = context.Data.LoadFromEnumerable(Array.Empty<RouteRow>()).Schema;
        return new RouteModel(context, trained, inputSchema, RouteModel.LabelOrder(trained, keyed.Schema));
    }

    /// <summary>How the message text is featurised (a fresh instance: ML.NET keeps the one it is given).</summary>
    internal static TextFeaturizingEstimator.Options TextOptions() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1, UseAllLengths = false },
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    private static RouteCalibration Calibrate(IReadOnlyList<Exemplar> exemplars, RouteScoresByExemplar heldOut)
    {
        var thresholds = new Dictionary<string, float>(StringComparer.Ordinal);
        var figures = new List<RouteFigures>();
        float checkIn = 1f;
        float emergencyCheckIn = 1f;
        foreach (var route in ExemplarReader.Routes)
        {
            var positives = Enumerable.Range(0, exemplars.Count).Where(i => exemplars[i].Route == route).ToList();
            var predicted = Enumerable.Range(0, exemplars.Count).Where(i => heldOut[i].Top == route).ToList();
            var recall = positives.Count == 0 ? 0 : positives.Count(i => heldOut[i].Top == route) / (double)positives.Count;
            var precision = predicted.Count == 0 ? 0 : predicted.Count(i => exemplars[i].Route == route) / (double)predicted.Count;
            var negatives = Enumerable.Range(0, exemplars.Count).Where(i => Negative(route, exemplars[i].Route)).Select(i => heldOut[i][route]).ToList();
            var floor = route is Route.Crisis or Route.Emergency ? MinimumSafetyThreshold : MinimumThreshold;
            var threshold = Threshold(negatives, MaxFalseSafetyRate, floor);
            thresholds[route.ToWire()] = threshold;
            var recallAt = positives.Count == 0 ? 0 : positives.Count(i => heldOut[i][route] >= threshold) / (double)positives.Count;
            var falseAt = negatives.Count == 0 ? 0 : negatives.Count(p => p >= threshold) / (double)negatives.Count;
            if (route == Route.Crisis)
            {
                checkIn = Math.Min(threshold, Threshold(negatives, MaxCheckInRate, MinimumCheckIn));
            }
            else if (route == Route.Emergency)
            {
                emergencyCheckIn = Math.Min(threshold, Threshold(negatives, MaxCheckInRate, MinimumCheckIn));
            }

            figures.Add(new RouteFigures(route.ToWire(), positives.Count, recall, precision, recallAt, falseAt));
        }

        var referralAnswers = Enumerable.Range(0, exemplars.Count).Where(i => exemplars[i].Route == Route.Referral).Select(i => heldOut[i][Route.Answer]).ToList();
        return new RouteCalibration(
            thresholds, checkIn, figures, exemplars.Count, Folds, EmergencyCheckIn: emergencyCheckIn, ReferralRelease: ReferralRelease(referralAnswers));
    }

    /// <summary>
    /// The answer probability at or above which a referral rule is set aside: just above the highest out-of-fold answer
    /// probability of any reviewed referral exemplar (none would have been released), never below
    /// <see cref="MinimumReferralRelease"/>; 1 (never) without referral exemplars.
    /// </summary>
    internal static float ReferralRelease(IReadOnlyCollection<float> referralAnswers)
    {
        if (referralAnswers.Count == 0)
        {
            return 1f;
        }

        var threshold = MathF.Round(referralAnswers.Max() + 0.0005f, 3, MidpointRounding.AwayFromZero);
        return Math.Clamp(threshold, MinimumReferralRelease, 1f);
    }

    /// <summary>
    /// Who counts as a false positive for a route's threshold. Safety and referral routes: benign messages and
    /// personal questions (not other safety routes: confusing crisis with emergency still sends a fixed safe text).
    /// Answer, out of scope and small talk: every other route.
    /// </summary>
    private static bool Negative(Route route, Route label) => route switch
    {
        Route.Crisis or Route.Emergency or Route.Refusal => Benign.Contains(label) || label == Route.Referral,
        Route.Referral => Benign.Contains(label),
        _ => label != route,
    };

    /// <summary>The lowest threshold that lets at most <paramref name="rate"/> of the negatives through, never below <paramref name="floor"/>.</summary>
    private static float Threshold(List<float> negatives, double rate, float floor)
    {
        if (negatives.Count == 0)
        {
            return Math.Max(floor, 0.5f);
        }

        var sorted = negatives.OrderDescending().ToList();
        var allowed = (int)Math.Floor(rate * sorted.Count);
        var boundary = allowed < sorted.Count ? sorted[allowed] : 0f;
        var threshold = MathF.Round(boundary + 0.0005f, 3, MidpointRounding.AwayFromZero);
        return Math.Clamp(threshold, floor, 0.95f);
    }

    /// <summary>Figures as text for the index manifest.</summary>
    public static Dictionary<string, string> Describe(RouteCalibration calibration)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["exemplars"] = calibration.Exemplars.ToString(CultureInfo.InvariantCulture),
            ["folds"] = calibration.Folds.ToString(CultureInfo.InvariantCulture),
            ["threshold.crisis_check_in"] = calibration.CrisisCheckIn.ToString("0.000", CultureInfo.InvariantCulture),
            ["threshold.emergency_check_in"] = calibration.EmergencyCheckIn.ToString("0.000", CultureInfo.InvariantCulture),
            ["threshold.referral_release"] = calibration.ReferralRelease.ToString("0.000", CultureInfo.InvariantCulture),
        };
        foreach (var (route, threshold) in calibration.Thresholds)
        {
            result["threshold." + route] = threshold.ToString("0.000", CultureInfo.InvariantCulture);
        }

        foreach (var f in calibration.Routes)
        {
            result["cv." + f.Route] = string.Create(CultureInfo.InvariantCulture,
                $"n={f.Count} recall={f.Recall:0.000} precision={f.Precision:0.000} recall@threshold={f.RecallAtThreshold:0.000} false@threshold={f.FalseRateAtThreshold:0.000}");
        }

        return result;
    }

    private sealed class RouteScoresByExemplar(int count)
    {
        private readonly Core.Semantics.RouteScores?[] scores = new Core.Semantics.RouteScores?[count];

        public Core.Semantics.RouteScores this[int i] => scores[i] ?? throw new InvalidOperationException("An exemplar was not scored.");

        public void Set(int i, Core.Semantics.RouteScores value) => scores[i] = value;
    }
}
