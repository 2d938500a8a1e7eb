namespace KetamineFaqBot.Load.Reporting;

/// <summary>Whether the answers produced in the background arrived, and how long after their request.</summary>
/// <param name="Where">Where they were looked for: the connector sink or the Direct Line log.</param>
/// <param name="Expected">Measured requests, each of which must get one answer.</param>
/// <param name="Received">Requests with an answer by the end of the wait.</param>
/// <param name="P50Ms">Median time from request to answer.</param>
/// <param name="P99Ms">99th percentile of that time.</param>
/// <param name="DrainSeconds">From the last response of the run until the last answer: the backlog the run left.</param>
internal sealed record AnswerReport(string Where, int Expected, int Received, double P50Ms, double P99Ms, double DrainSeconds)
{
    public bool Complete => Received == Expected;
}
