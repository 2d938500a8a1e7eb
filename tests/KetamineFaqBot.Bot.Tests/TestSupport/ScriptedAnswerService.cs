using System.Collections.Concurrent;
using KetamineFaqBot.Core.Answering;
using Route = KetamineFaqBot.Core.Answering.Route;

namespace KetamineFaqBot.Bot.Tests.TestSupport;

/// <summary>Test-only IAnswerService: answers from a script so protocol tests never depend on the placeholder pipeline.</summary>
public sealed class ScriptedAnswerService : IAnswerService
{
    public const string CrisisTrigger = "scripted-crisis";
    public const string FailTrigger = "scripted-failure";
    public const string GeneratedTrigger = "scripted-generated";

    public ConcurrentQueue<Turn> Turns { get; } = new();

    /// <summary>When set, every answer waits for it (lets a test observe the typing activity deterministically).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<Answer> AnswerAsync(Turn turn, CancellationToken cancellationToken = default)
    {
        Turns.Enqueue(turn);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (turn.Text.Contains(FailTrigger, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("scripted failure");
        }

        if (turn.Text.Contains(CrisisTrigger, StringComparison.Ordinal))
        {
            return new Answer(Route.Crisis, "Scripted crisis text: call or text 988.", [], [], new Provenance("v-test", [], ["crisis.rule"], "fixed"));
        }

        var citations = new[]
        {
            new Citation(1, "doc-a", "Scripted document A", "Section A", "treatment", "Source A", "doc-a#section-a", "Scripted passage A.", new DateOnly(2026, 11, 20)),
            new Citation(2, "doc-b", "Scripted document B", "Section B", "safety", "Source B", "doc-b#section-b", "Scripted passage B.", new DateOnly(2026, 11, 20)),
        };
        return new Answer(
            Route.Answer,
            $"Scripted answer to: {turn.Text} [1] and more [2].",
            citations,
            ["Follow-up one?", "Follow-up two?", "Follow-up three?", "Follow-up four?"],
            new Provenance("v-test", ["doc-a#section-a", "doc-b#section-b"], [], "extractive"),
            Generated: turn.Text.Contains(GeneratedTrigger, StringComparison.Ordinal));
    }
}
