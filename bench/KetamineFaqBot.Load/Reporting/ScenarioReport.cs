namespace KetamineFaqBot.Load.Reporting;

/// <summary>One scenario's measured requests.</summary>
/// <param name="Name">Short name: echo, directline, messages.</param>
/// <param name="Endpoint">Method and path driven.</param>
/// <param name="ErrorKinds">Errors by kind: a status code, an exception type or a wrong response.</param>
/// <param name="ThroughputRatio">Requests/second as a fraction of the echo baseline's (1 for the baseline itself).</param>
/// <param name="P50Ms">Median latency; in a paced run counted from each request's scheduled time, not its send.</param>
/// <param name="Answers">For the bot's scenarios: the answers produced in the background.</param>
/// <param name="Paced">For a paced (open-loop) scenario: the offered rate; null for a closed loop.</param>
internal sealed record ScenarioReport(
    string Name,
    string Endpoint,
    int Requests,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorKinds,
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    double ThroughputRatio,
    AnswerReport? Answers,
    PacedReport? Paced = null);
