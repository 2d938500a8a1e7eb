using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Semantics;

namespace KetamineFaqBot.Semantics.Classification;

/// <summary>
/// Thresholds chosen from cross-validated (out-of-fold) probabilities over the exemplars, and the figures that
/// justify them. Saved beside the model in every index version.
/// </summary>
/// <param name="Thresholds">Probability at or above which the classifier's route is taken, per route.</param>
/// <param name="CrisisCheckIn">Lower crisis band: answered, but led by the check-in text and the crisis resources.</param>
/// <param name="Routes">Cross-validated figures per route.</param>
/// <param name="Exemplars">Reviewed exemplars trained on (typo copies not counted).</param>
/// <param name="Folds">Folds of the cross-validation.</param>
/// <param name="FaqMatch">Cosine at or above which a question is a paraphrase of a vetted FAQ phrasing (1: never).</param>
/// <param name="EmergencyCheckIn">Lower emergency band: answered, but led by the check-in text (which names 911).</param>
/// <param name="Covered">Passage cosine at or above which the gate's semantic layer may answer (1: never).</param>
/// <param name="UncoveredQuestions">Reviewed in-scope questions the corpus does not answer that <paramref name="Covered"/> was calibrated on.</param>
/// <param name="CoveredQuestions">Reviewed in-scope questions the corpus does answer, kept with the uncovered ones to fit the gate's meaning layer.</param>
/// <param name="SentenceModel">Id of the sentence model every vector of the version comes from (null: versions before it was recorded, all-MiniLM-L6-v2).</param>
/// <param name="ReferralRelease">Answer probability at or above which a referral rule is set aside (above every reviewed
/// referral exemplar's out-of-fold answer probability; 1: never, as in versions built before it).</param>
public sealed record RouteCalibration(
    IReadOnlyDictionary<string, float> Thresholds,
    float CrisisCheckIn,
    IReadOnlyList<RouteFigures> Routes,
    int Exemplars,
    int Folds,
    float FaqMatch = 1f,
    float EmergencyCheckIn = 1f,
    float Covered = 1f,
    int UncoveredQuestions = 0,
    int CoveredQuestions = 0,
    string? SentenceModel = null,
    float ReferralRelease = 1f)
{
    public RouteThresholds ToThresholds() => new(
        Thresholds.ToDictionary(t => RouteNames.TryParse(t.Key, out var r) ? r : throw new InvalidDataException($"Unknown route '{t.Key}' in the calibration."), t => t.Value),
        CrisisCheckIn,
        EmergencyCheckIn,
        ReferralRelease >= 1f ? float.PositiveInfinity : ReferralRelease);
}
