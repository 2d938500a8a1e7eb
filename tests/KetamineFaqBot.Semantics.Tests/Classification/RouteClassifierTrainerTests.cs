using KetamineFaqBot.Semantics.Classification;

namespace KetamineFaqBot.Semantics.Tests.Classification;

/// <summary>How the referral release is calibrated from the referral exemplars' out-of-fold answer probabilities.</summary>
public sealed class RouteClassifierTrainerTests
{
    [Fact]
    public void ReferralRelease_ReferralExemplarsAllWellBelow_TheFloor()
    {
        Assert.Equal(0.9f, RouteClassifierTrainer.ReferralRelease([0.02f, 0.31f, 0.85f]));
    }

    [Fact]
    public void ReferralRelease_AReferralExemplarAboveTheFloor_JustAboveIt()
    {
        var release = RouteClassifierTrainer.ReferralRelease([0.1f, 0.934f, 0.4f]);

        Assert.Equal(0.935f, release);
        Assert.True(release > 0.934f);
    }

    [Fact]
    public void ReferralRelease_AReferralExemplarAlmostCertainAnswer_Never()
    {
        Assert.Equal(1f, RouteClassifierTrainer.ReferralRelease([0.9996f]));
    }

    [Fact]
    public void ReferralRelease_NoReferralExemplars_Never()
    {
        Assert.Equal(1f, RouteClassifierTrainer.ReferralRelease([]));
    }
}
