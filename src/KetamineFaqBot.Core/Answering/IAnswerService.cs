namespace KetamineFaqBot.Core.Answering;

/// <summary>The whole pipeline: load conversation state, guardrails, retrieve, compose, check, save state.</summary>
public interface IAnswerService
{
    Task<Answer> AnswerAsync(Turn turn, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same turn, with its conversation state handed back unsaved, for a caller that stores it together with
    /// the reply and the provenance record (one write per turn). A service that cannot hold its save back saves as
    /// <see cref="AnswerAsync"/> does and returns no state.
    /// </summary>
    async Task<AnsweredTurn> AnswerUnsavedAsync(Turn turn, CancellationToken cancellationToken = default) =>
        new(await AnswerAsync(turn, cancellationToken), null);
}
