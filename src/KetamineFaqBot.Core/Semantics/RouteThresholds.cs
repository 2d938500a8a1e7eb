using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Core.Semantics;

/// <summary>
/// Probabilities above which the classifier's route is taken, calibrated on held-out exemplars at build time.
/// <see cref="CrisisCheckIn"/> is the lower crisis band: below <c>Take[Crisis]</c> and at or above it, the message is
/// answered but led by the crisis check-in text. <see cref="EmergencyCheckIn"/> is the same band for emergency.
/// <see cref="ReferralRelease"/> is the answer probability at or above which a referral rule is set aside for an
/// informational question (no reviewed referral exemplar scored that high out of fold).
/// </summary>
public sealed record RouteThresholds(
    IReadOnlyDictionary<Route, float> Take,
    float CrisisCheckIn,
    float EmergencyCheckIn = float.PositiveInfinity,
    float ReferralRelease = float.PositiveInfinity)
{
    /// <summary>The threshold for a route; routes without one are never taken from the classifier.</summary>
    public float For(Route route) => Take.TryGetValue(route, out var t) ? t : float.PositiveInfinity;
}
