using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Feedback;
using KetamineFaqBot.Core.Records;

namespace KetamineFaqBot.Answering.Insights;

/// <summary>Builds the content owners' report from the stores; the admin API and <c>kfaq insights</c> share it.</summary>
public sealed class InsightsBuilder(IContentGapStore gaps, IFeedbackStore feedback, IAnswerRecordStore answers, TimeProvider timeProvider)
{
    private const int MaxFeedbackRead = 1_000;

    public async Task<InsightsReport> BuildAsync(InsightsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Days);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Top);
        var now = timeProvider.GetUtcNow();
        var since = now.AddDays(-query.Days);

        var topGaps = (await gaps.TopAsync(query.Top, cancellationToken)).Where(g => g.LastSeen >= since).ToList();

        var disliked = (await feedback.ListAsync(since, MaxFeedbackRead, cancellationToken))
            .Where(f => f.Rating == "dislike")
            .Take(query.Top)
            .Select(f => new DislikedAnswer(
                f.At,
                f.ActivityId,
                f.Comment,
                f.Provenance?.CorpusVersion,
                f.Provenance?.Composer,
                [.. (f.Provenance?.Passages ?? []).Select(id => Reference(id, query))]))
            .ToList();

        var routes = (await answers.RouteCountsAsync(since, cancellationToken))
            .GroupBy(c => c.Day)
            .OrderByDescending(g => g.Key)
            .Select(g => new DailyRoutes(g.Key, g.ToDictionary(c => c.Route, c => c.Count, StringComparer.Ordinal), g.Sum(c => c.Count)))
            .ToList();

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var reviews = query.Documents
            .Where(d => d.ReviewDue.DayNumber - today.DayNumber <= query.ReviewWindowDays)
            .OrderBy(d => d.ReviewDue)
            .ThenBy(d => d.Path, StringComparer.Ordinal)
            .Select(d => new ReviewDue(d.Id, d.Path, d.Title, d.ReviewDue, d.ReviewDue.DayNumber - today.DayNumber))
            .ToList();

        return new InsightsReport(now, query.CorpusVersion, query.Days, topGaps, disliked, routes, reviews);
    }

    private static PassageReference Reference(string id, InsightsQuery query) =>
        query.Passages is not null && query.Passages.TryGetValue(id, out var passage)
            ? new PassageReference(id, passage.Title, passage.Section)
            : new PassageReference(id, null, null);
}
