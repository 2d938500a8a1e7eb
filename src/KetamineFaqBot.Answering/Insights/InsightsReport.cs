using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Insights;

/// <summary>What content owners need to see: unanswered questions, disliked answers, route volumes, reviews coming due.</summary>
/// <param name="CorpusVersion">The index version serving now, when known.</param>
/// <param name="Days">How many days of records the report covers.</param>
public sealed record InsightsReport(
    DateTimeOffset GeneratedAt,
    string? CorpusVersion,
    int Days,
    IReadOnlyList<ContentGapSummary> TopGaps,
    IReadOnlyList<DislikedAnswer> DislikedAnswers,
    IReadOnlyList<DailyRoutes> Routes,
    IReadOnlyList<ReviewDue> ReviewsDue);
