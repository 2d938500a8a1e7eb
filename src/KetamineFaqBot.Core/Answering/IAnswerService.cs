namespace KetamineFaqBot.Core.Answering;

/// <summary>The whole pipeline: load conversation state, guardrails, retrieve, compose, check, save state.</summary>
public interface IAnswerService
{
    Task<Answer> AnswerAsync(Turn turn, CancellationToken cancellationToken = default);
}
