using KetamineFaqBot.Answering.Pipeline;

namespace KetamineFaqBot.Answering.Tests.Pipeline;

public sealed class CoverageModelTests
{
    // Covered questions have higher coverage and cosine than uncovered ones, with some overlap in the middle.
    private static List<CoverageSample> Samples(int perSide = 40)
    {
        var samples = new List<CoverageSample>();
        for (var i = 0; i < perSide; i++)
        {
            var t = i / (double)perSide;
            samples.Add(new CoverageSample(Signals(0.4 + (0.5 * t), 0.7 + (0.25 * t)), Covered: true, DecidedByWords: false));
            samples.Add(new CoverageSample(Signals(0.1 + (0.5 * t), 0.5 + (0.25 * t)), Covered: false, DecidedByWords: false));
        }

        return samples;
    }

    private static double[] Signals(double coverage, double cosine) => [coverage, 3.0, cosine, 1, cosine - 0.05, cosine - 0.1, 0, 0, 1.5, cosine, 1.2 - cosine, cosine];

    [Fact]
    public void Fit_SeparableSides_CoveredAboveUncoveredBelow()
    {
        var model = CoverageModel.Fit(Samples(), allowedShare: 0.05);

        Assert.NotNull(model);
        Assert.True(model.Probability(Signals(0.9, 0.95)) > model.Threshold);
        Assert.True(model.Probability(Signals(0.1, 0.5)) <= model.Threshold);
        Assert.Equal(CoverageModel.FeatureCount, model.Weights.Count);
    }

    [Fact]
    public void Fit_SameSamples_SameModel()
    {
        var first = CoverageModel.Fit(Samples(), 0.05)!;
        var second = CoverageModel.Fit(Samples(), 0.05)!;

        Assert.Equal(first.Threshold, second.Threshold);
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Probability(Signals(0.5, 0.75)), second.Probability(Signals(0.5, 0.75)));
    }

    [Fact]
    public void Fit_LargerAllowedShare_LowerThreshold()
    {
        var strict = CoverageModel.Fit(Samples(), 0.05)!;
        var lenient = CoverageModel.Fit(Samples(), 0.4)!;

        Assert.True(lenient.Threshold < strict.Threshold, $"{lenient.Threshold} < {strict.Threshold}");
    }

    [Fact]
    public void Fit_StrictShare_LetsFewUncoveredThrough()
    {
        var samples = Samples();
        var model = CoverageModel.Fit(samples, 0.05)!;

        var through = samples.Count(s => !s.Covered && model.Probability(s.Features) > model.Threshold);

        // Calibrated out of fold, so the final fit may differ by a question or two, never by many.
        Assert.InRange(through, 0, 4);
    }

    [Fact]
    public void Fit_TooFewOfOneSide_NoModel()
    {
        var samples = Samples().Where(s => s.Covered).Concat(Samples(CoverageModel.MinPerSide - 1).Where(s => !s.Covered)).ToList();

        Assert.Null(CoverageModel.Fit(samples, 0.05));
    }

    [Fact]
    public void Probability_WrongNumberOfSignals_ClearError()
    {
        var model = CoverageModel.Fit(Samples(), 0.05)!;

        Assert.Throws<ArgumentException>(() => model.Probability([0.5, 0.5]));
    }
}
