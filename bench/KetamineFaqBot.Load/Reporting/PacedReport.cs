namespace KetamineFaqBot.Load.Reporting;

/// <summary>How a paced (open-loop) scenario was offered its requests, beside what it achieved.</summary>
/// <param name="OfferedRequestsPerSecond">The rate requests were scheduled at: the run's pace × the echo baseline's req/s.</param>
/// <param name="OfferedRatio">That rate as a fraction of the echo baseline's (the <c>--pace</c> fraction).</param>
/// <param name="LagMs">From the last request's scheduled time to the last response: about one latency when the bot
/// kept up, the backlog it built when it did not.</param>
internal sealed record PacedReport(double OfferedRequestsPerSecond, double OfferedRatio, double LagMs);
