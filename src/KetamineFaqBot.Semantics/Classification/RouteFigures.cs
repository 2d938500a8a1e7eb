namespace KetamineFaqBot.Semantics.Classification;

/// <summary>Cross-validated figures of one route.</summary>
/// <param name="Route">Wire name.</param>
/// <param name="Count">Exemplars of the route.</param>
/// <param name="Recall">Share of the route's held-out exemplars whose most probable route is this one.</param>
/// <param name="Precision">Share of held-out exemplars predicted as this route (most probable) that are this route.</param>
/// <param name="RecallAtThreshold">Share of the route's held-out exemplars at or above the route's threshold (safety routes).</param>
/// <param name="FalseRateAtThreshold">Share of the route's negatives at or above its threshold.</param>
public sealed record RouteFigures(string Route, int Count, double Recall, double Precision, double? RecallAtThreshold, double? FalseRateAtThreshold);
