using KetamineFaqBot.Load.Reporting;

namespace KetamineFaqBot.Load.Tests.Reporting;

public sealed class ReportTableTests
{
    [Fact]
    public async Task WriteAsync_PacedRun_SaysSoAndShowsOfferedBesideAchieved()
    {
        var paced = new ScenarioReport(
            "messages", "POST /api/messages", 100, 0, new Dictionary<string, int>(), 398, 2, 9, 0.199,
            new AnswerReport("connector sink", 100, 100, 5, 10, 0.1, 390), new PacedReport(400, 0.2, 12));

        var text = await Write(Report(0.2, Echo(), paced));

        Assert.Contains("paced: directline and messages offered 20% of echo's measured req/s, open loop", text, StringComparison.Ordinal);
        Assert.Contains("  messages paced: offered 400 req/s (20.0% of echo), achieved 398 req/s (19.9%), last response 12 ms after schedule", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ClosedLoopRun_SaysNothingOfPacing()
    {
        var text = await Write(Report(null, Echo()));

        Assert.DoesNotContain("paced", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_MessagesFirst_SaysSoAndOtherwiseNot()
    {
        var memory = new MemoryReport(100, 150, 200);
        var run = new RunInfo(DateTimeOffset.UnixEpoch, 100, 4, 10, 10, 37, 2, "Linux", ".NET", "1 1 1", new Dictionary<string, string>(), MessagesFirst: true);
        var text = await Write(new LoadReport(run, [Echo()], memory, memory, LoadTargets.Check([Echo()], memory, 4), BehaviourOk: true, BotLog: null));

        Assert.Contains("order: messages before directline", text, StringComparison.Ordinal);
        Assert.DoesNotContain("order:", await Write(Report(null, Echo())), StringComparison.Ordinal);
    }

    private static ScenarioReport Echo() => new("echo", "POST /echo", 100, 0, new Dictionary<string, int>(), 2000, 1, 2, 1, null);

    private static LoadReport Report(double? pace, params ScenarioReport[] scenarios)
    {
        var run = new RunInfo(DateTimeOffset.UnixEpoch, 100, 4, 10, 10, 37, 2, "Linux", ".NET", "1 1 1", new Dictionary<string, string>(), pace);
        var memory = new MemoryReport(100, 150, 200);
        return new LoadReport(run, scenarios, memory, memory, LoadTargets.Check(scenarios, memory, 4), BehaviourOk: true, BotLog: null);
    }

    private static async Task<string> Write(LoadReport report)
    {
        using var output = new StringWriter();
        await ReportTable.WriteAsync(report, output);
        return output.ToString();
    }
}
