using KetamineFaqBot.Load.Reporting;

namespace KetamineFaqBot.Load.Tests.Reporting;

public sealed class LoadTargetsTests
{
    private static readonly MemoryReport SmallBot = new(100, 150, 200);

    [Fact]
    public void Check_ScenarioWithinEveryTarget_AllMet()
    {
        var targets = LoadTargets.Check([Echo(), Bot(ratio: 0.5, p99: 20, errors: 0, answered: 100)], SmallBot, 64);

        Assert.Equal(5, targets.Count);
        Assert.All(targets, t => Assert.True(t.Met, t.Target));
    }

    [Fact]
    public void Check_SlowBusyScenario_ReportsEachMissedTarget()
    {
        var targets = LoadTargets.Check([Echo(), Bot(ratio: 0.1, p99: 80, errors: 3, answered: 97)], new MemoryReport(100, 300, 320), 64);

        Assert.Equal(
            ["bot: throughput ≥ 20% of echo", "bot: 0 errors", "bot: p99 < 50 ms", "bot: every message answered", "bot peak RSS < 250 MB (VmHWM, extractive)"],
            targets.Where(t => !t.Met).Select(t => t.Target));
        Assert.Contains(targets, t => t.Measured == "97/100");
    }

    [Fact]
    public void Check_OtherConnectionCount_SaysTheP99TargetIsStatedAt64()
    {
        var targets = LoadTargets.Check([Echo(), Bot(ratio: 0.5, p99: 20, errors: 0, answered: 100)], SmallBot, 4);

        Assert.Contains(targets, t => t.Target.Contains("run at 4 connections, target stated at 64", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MemoryUnknown_IsNotMet()
    {
        var targets = LoadTargets.Check([Echo()], new MemoryReport(null, null, null), 64);

        Assert.False(Assert.Single(targets).Met);
    }

    [Fact]
    public void Check_PacedAtTwentyPercentAndKeptUp_ThroughputMetAndSaysOfferedAndAchieved()
    {
        var targets = LoadTargets.Check([Echo(), Paced(offered: 0.2, achieved: 0.196, lagMs: 12)], SmallBot, 64);

        var throughput = Assert.Single(targets, t => t.Target.StartsWith("bot: throughput", StringComparison.Ordinal));
        Assert.True(throughput.Met);
        Assert.Equal("bot: throughput ≥ 20% of echo (paced: offered, ≥ 95% of it achieved)", throughput.Target);
        Assert.Equal("offered 20.0%: achieved 19.6% (98% of offered), last response 12 ms after schedule", throughput.Measured);
    }

    [Fact]
    public void Check_PacedAndFellBehind_ThroughputMissed()
    {
        var targets = LoadTargets.Check([Echo(), Paced(offered: 0.2, achieved: 0.05, lagMs: 9000)], SmallBot, 64);

        Assert.False(Assert.Single(targets, t => t.Target.StartsWith("bot: throughput", StringComparison.Ordinal)).Met);
    }

    [Fact]
    public void Check_PacedShortRunThatFellBehindByLittleTime_ThroughputMissed()
    {
        // A short schedule: 40 ms behind is little time but half the rate.
        var targets = LoadTargets.Check([Echo(), Paced(offered: 0.2, achieved: 0.105, lagMs: 40)], SmallBot, 64);

        var throughput = Assert.Single(targets, t => t.Target.StartsWith("bot: throughput", StringComparison.Ordinal));
        Assert.False(throughput.Met);
        Assert.StartsWith("offered 20.0%: achieved 10.5% (53% of offered)", throughput.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PacedBelowTwentyPercent_ThroughputMissedEvenWhenKeptUp()
    {
        var targets = LoadTargets.Check([Echo(), Paced(offered: 0.1, achieved: 0.1, lagMs: 3)], SmallBot, 64);

        var throughput = Assert.Single(targets, t => t.Target.StartsWith("bot: throughput", StringComparison.Ordinal));
        Assert.False(throughput.Met);
        Assert.StartsWith("offered 10.0%: achieved 10.0%", throughput.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PacedAboveTwentyPercentAchievingTwenty_ThroughputMetThoughItFellBehind()
    {
        var targets = LoadTargets.Check([Echo(), Paced(offered: 0.5, achieved: 0.3, lagMs: 4000)], SmallBot, 64);

        Assert.True(Assert.Single(targets, t => t.Target.StartsWith("bot: throughput", StringComparison.Ordinal)).Met);
    }

    [Fact]
    public void Check_DirectLineAnsweringUnderSeventyPercentOfMessages_Missed()
    {
        var directLine = Bot(ratio: 0.5, p99: 20, errors: 0, answered: 100) with { Name = "directline", Answers = Answered(300) };
        var messages = Bot(ratio: 0.5, p99: 20, errors: 0, answered: 100) with { Name = "messages", Answers = Answered(500) };

        var share = Assert.Single(LoadTargets.Check([Echo(), directLine, messages], SmallBot, 64), t => t.Target.StartsWith("directline answered turns/s", StringComparison.Ordinal));

        Assert.False(share.Met);
        Assert.Equal("300 vs 500 answers/s: 60.0%", share.Measured);
        Assert.True(Assert.Single(
            LoadTargets.Check([Echo(), directLine with { Answers = Answered(350) }, messages], SmallBot, 64),
            t => t.Target.StartsWith("directline answered turns/s", StringComparison.Ordinal)).Met);
    }

    [Fact]
    public void Check_SaturationPacedScenario_JudgedByItsOwnP99TargetOnly()
    {
        var paced = Bot(ratio: 0.01, p99: 120, errors: 0, answered: 100) with { Name = "directline-paced", Paced = new PacedReport(10, 0.01, 5) };

        var targets = LoadTargets.Check([Echo(), paced], SmallBot, 64, saturationPace: 0.5);

        var p99 = Assert.Single(targets, t => t.Target.StartsWith("directline-paced: p99", StringComparison.Ordinal));
        Assert.Equal("directline-paced: p99 < 100 ms at 50% of its saturation", p99.Target);
        Assert.False(p99.Met);
        Assert.DoesNotContain(targets, t => t.Target.Contains("throughput", StringComparison.Ordinal));
    }

    private static AnswerReport Answered(double perSecond) => new("log", 100, 100, 10, 20, 0, perSecond);

    private static ScenarioReport Echo() => new("echo", "POST /echo", 100, 0, new Dictionary<string, int>(), 1000, 1, 2, 1, null);

    private static ScenarioReport Bot(double ratio, double p99, int errors, int answered) => new(
        "bot", "POST /bot", 100, errors, new Dictionary<string, int>(), 1000 * ratio, 1, p99, ratio,
        new AnswerReport("sink", 100, answered, 5, 10, 0.1, 50));

    private static ScenarioReport Paced(double offered, double achieved, double lagMs) =>
        Bot(ratio: achieved, p99: 20, errors: 0, answered: 100) with { Paced = new PacedReport(1000 * offered, offered, lagMs) };
}
