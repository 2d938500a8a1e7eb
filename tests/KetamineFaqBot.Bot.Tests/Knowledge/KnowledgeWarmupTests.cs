using KetamineFaqBot.Answering.Guardrails;
using KetamineFaqBot.Bot.Knowledge;
using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace KetamineFaqBot.Bot.Tests.Knowledge;

/// <summary>The start-up warm-up question is an optimisation: its failure is logged and start-up goes on.</summary>
public sealed class KnowledgeWarmupTests
{
    [Fact]
    public async Task TryWarmUpAsync_GuardrailPatternTimesOut_LogsAWarningAndReturnsFalse()
    {
        using var logs = new CapturingLoggerProvider();
        var logger = logs.CreateLogger(typeof(KnowledgeWarmup).FullName!);

        var warmed = await KnowledgeWarmup.TryWarmUpAsync(
            _ => throw new GuardrailsTimeoutException("Guardrail rule 'refusal.evade.tests' exceeded its match timeout."), logger, CancellationToken.None);

        Assert.False(warmed);
        var entry = Assert.Single(logs.Entries);
        Assert.Equal(5003, entry.EventId.Id);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("GuardrailsTimeoutException", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryWarmUpAsync_Succeeds_ReturnsTrueAndLogsNothing()
    {
        using var logs = new CapturingLoggerProvider();
        var ran = false;

        var warmed = await KnowledgeWarmup.TryWarmUpAsync(_ => { ran = true; return Task.CompletedTask; }, logs.CreateLogger("warm-up"), CancellationToken.None);

        Assert.True(warmed);
        Assert.True(ran);
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public async Task TryWarmUpAsync_StartUpCancelled_Throws()
    {
        using var logs = new CapturingLoggerProvider();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            KnowledgeWarmup.TryWarmUpAsync(ct => Task.FromCanceled(ct), logs.CreateLogger("warm-up"), cancelled.Token));
        Assert.Empty(logs.Entries);
    }
}
