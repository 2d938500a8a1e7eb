using KetamineFaqBot.Answering.Pipeline;

namespace KetamineFaqBot.Answering.Tests.Pipeline;

public sealed class CoverageTopicModelTests
{
    // Unit vectors: covered questions lean towards the first axis, uncovered ones towards the second, with a shared
    // third component and a little spread so the sides overlap slightly.
    private static (List<ReadOnlyMemory<float>> Vectors, List<bool> Covered) Questions(int perSide = 40)
    {
        var vectors = new List<ReadOnlyMemory<float>>();
        var covered = new List<bool>();
        for (var i = 0; i < perSide; i++)
        {
            var t = (float)i / perSide;
            vectors.Add(Unit(0.9f - (0.6f * t), 0.1f + (0.5f * t), 0.5f, t));
            covered.Add(true);
            vectors.Add(Unit(0.1f + (0.5f * t), 0.9f - (0.6f * t), 0.5f, 1 - t));
            covered.Add(false);
        }

        return (vectors, covered);
    }

    private static float[] Unit(params float[] values)
    {
        var length = MathF.Sqrt(values.Sum(v => v * v));
        return [.. values.Select(v => v / length)];
    }

    [Fact]
    public void Fit_TwoTopics_CoveredTopicScoresAboveUncovered()
    {
        var (vectors, covered) = Questions();

        var model = CoverageTopicModel.Fit(vectors, covered);

        Assert.True(model.Probability(Unit(1, 0, 0.5f, 0)) > 0.7, "covered topic");
        Assert.True(model.Probability(Unit(0, 1, 0.5f, 0)) < 0.3, "uncovered topic");
        Assert.Equal(4, model.Weights.Count);
    }

    [Fact]
    public void Fit_SameQuestions_SameModel()
    {
        var (vectors, covered) = Questions();

        var first = CoverageTopicModel.Fit(vectors, covered);
        var second = CoverageTopicModel.Fit(vectors, covered);

        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
    }

    [Fact]
    public void OutOfFold_QuestionNotLearnt_DiffersFromTheFullFit()
    {
        var (vectors, covered) = Questions();
        var full = CoverageTopicModel.Fit(vectors, covered);

        var outOfFold = CoverageTopicModel.OutOfFold(vectors, covered);

        Assert.Equal(vectors.Count, outOfFold.Length);
        Assert.Contains(outOfFold.Select((p, i) => Math.Abs(p - full.Probability(vectors[i].Span))), d => d > 1e-6);
        var right = outOfFold.Where((p, i) => (p > 0.5) == covered[i]).Count();
        Assert.True(right >= vectors.Count * 0.9, $"{right} of {vectors.Count} on the right side out of fold");
    }

    [Fact]
    public void Probability_OtherDimension_Undecided()
    {
        var (vectors, covered) = Questions();
        var model = CoverageTopicModel.Fit(vectors, covered);

        Assert.Equal(0.5, model.Probability(Unit(1, 0)));
    }

    [Theory]
    [InlineData(float.NaN, 0)]
    [InlineData(1f, double.PositiveInfinity)]
    public void Restore_NumberNotFinite_ClearError(float weight, double bias)
    {
        var error = Assert.Throws<InvalidDataException>(() => CoverageTopicModel.Restore([weight, 0.5f], bias));

        Assert.Contains("topic model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_StoredWeights_SameProbabilities()
    {
        var (vectors, covered) = Questions();
        var model = CoverageTopicModel.Fit(vectors, covered);

        var restored = CoverageTopicModel.Restore(model.Weights, model.Bias);

        Assert.Equal(model.Probability(vectors[3].Span), restored.Probability(vectors[3].Span));
    }
}
