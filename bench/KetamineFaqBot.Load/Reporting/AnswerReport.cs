namespace KetamineFaqBot.Load.Reporting;

/// <summary>Whether the answers produced in the background arrived, and how long after their request.</summary>
/// <param name="Where">Where they were looked for: the connector sink or the Direct Line log.</param>
/// <param name="Expected">Measured requests the bot accepted (2xx): each owes one answer. A refused one (503) owes none.</param>
/// <param name="Received">Requests with an answer by the end of the wait.</param>
/// <param name="P50Ms">Median time from request to answer.</param>
/// <param name="P99Ms">99th percentile of that time.</param>
/// <param name="DrainSeconds">From the last response of the run until the last answer: the backlog the run left.</param>
/// <param name="AnswersPerSecond">Answers over the time from the first request to the last answer: what the bot sustained.</param>
internal sealed record AnswerReport(string Where, int Expected, int Received, double P50Ms, double P99Ms, double DrainSeconds, double AnswersPerSecond)
{
    public bool Complete => Received == Expected;

    /// <summary>The answer figures, given the run they answer.</summary>
    public static AnswerReport Of(string where, int expected, IReadOnlyCollection<double> answerMs, TimeSpan runElapsed, double drainSeconds)
    {
        ArgumentNullException.ThrowIfNull(answerMs);
        var seconds = runElapsed.TotalSeconds + drainSeconds;
        return new AnswerReport(
            where, expected, answerMs.Count, Driving.Percentiles.Of(answerMs, 50), Driving.Percentiles.Of(answerMs, 99), drainSeconds,
            seconds > 0 ? answerMs.Count / seconds : 0);
    }
}
