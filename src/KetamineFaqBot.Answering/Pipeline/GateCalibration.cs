namespace KetamineFaqBot.Answering.Pipeline;

/// <summary>The confidence gate's meaning model as fitted into an index version (<see cref="GateCalibrationExtension"/>).</summary>
/// <param name="Key">The <see cref="ConfidenceGate.CalibrationKey"/> it was fitted under; a gate with another key fits its own.</param>
/// <param name="Model">The model; null when the version has too few reviewed questions of either kind to fit one.</param>
public sealed record GateCalibration(string Key, CoverageModel? Model);
