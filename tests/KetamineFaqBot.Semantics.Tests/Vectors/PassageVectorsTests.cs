using KetamineFaqBot.Semantics.Vectors;

namespace KetamineFaqBot.Semantics.Tests.Vectors;

public sealed class PassageVectorsTests
{
    private static float[] Unit(float cosineToX) => [cosineToX, MathF.Sqrt(1f - (cosineToX * cosineToX))];

    // One passage vector along x: an uncovered question's best cosine is its first coordinate.
    private static readonly float[][] Passages = [[1f, 0f]];

    [Fact]
    public void CoveredThreshold_TwentyQuestions_OneMayReachIt()
    {
        // 5 % of 20 is one: the threshold sits just above the second-best uncovered question.
        var uncovered = Enumerable.Range(0, 20).Select(i => Unit(0.50f + (i * 0.02f))).ToList();

        var threshold = PassageVectors.CoveredThreshold(Passages, uncovered, 0.05, 0.3f);

        Assert.Equal(0.861f, threshold, 3);
        Assert.Equal(1, uncovered.Count(q => PassageVectors.BestCosine(Passages, q) >= threshold));
    }

    [Fact]
    public void CoveredThreshold_NeverBelowTheFloorOrAbove099()
    {
        Assert.Equal(0.7f, PassageVectors.CoveredThreshold(Passages, [Unit(0.2f)], 0.05, 0.7f));
        Assert.Equal(0.99f, PassageVectors.CoveredThreshold(Passages, [Unit(0.999f)], 0.05, 0.7f));
    }

    [Fact]
    public void CoveredThreshold_NoUncoveredQuestions_IsOne()
    {
        Assert.Equal(1f, PassageVectors.CoveredThreshold(Passages, [], 0.05, 0.7f));
    }
}
