using KetamineFaqBot.Answering.Pipeline;
using KetamineFaqBot.Bot.Knowledge.Logging;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Retrieval;
using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Bot.Knowledge;

/// <summary>
/// Builds the answering pipeline before the server accepts requests: the index is built on first start, and a bad
/// rule or response file stops start-up with its error instead of failing the first patient's question.
/// </summary>
public sealed class KnowledgeWarmup(IServiceProvider services, ILogger<KnowledgeWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The guardrail rules and the response texts load on other threads while this one opens the index (and the
        // sentence model loads since the process started): they are independent, and a bad file still stops start-up
        // with its own error.
        var rules = Task.Run(() => services.GetRequiredService<IGuardrails>(), cancellationToken);
        var texts = Task.Run(() => services.GetRequiredService<IResponseTexts>(), cancellationToken);
        _ = services.GetService<IRetriever>();
        await Task.WhenAll(rules, texts);
        var answers = services.GetRequiredService<IAnswerService>();

        // The gate's calibration for the version served needs the index, not the model: it runs beside the model's
        // first embedding, so the first patient waits for neither.
        var prepared = answers is AnswerPipeline pipeline ? Task.Run(pipeline.Prepare, cancellationToken) : Task.CompletedTask;

        // The sentence model has been loading since the process started (AddAnswerPipeline); wait for it and its first
        // embedding here, so the first patient does not.
        if (services.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } embeddings)
        {
            await embeddings.GenerateAsync(["warm-up"], cancellationToken: cancellationToken);
        }

        await prepared;

        // One question through every stage, so the first patient does not pay for their first run (≈ 0.3 s on two cores).
        if (answers is AnswerPipeline warm)
        {
            await TryWarmUpAsync(async ct => await warm.WarmUpAsync(ct), logger, cancellationToken);
        }

        if (services.GetService<IRetriever>() is { } retriever)
        {
            logger.AnsweringReady(retriever.CorpusVersion);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs the warm-up question. It only saves the first patient some time, so a failure (a guardrail pattern timing
    /// out on a starved machine, say) is logged and start-up goes on: the first real question runs every stage anyway,
    /// with its own fail-safes. Cancellation of start-up still stops it.
    /// </summary>
    /// <returns>False when the warm-up failed.</returns>
    public static async Task<bool> TryWarmUpAsync(Func<CancellationToken, Task> warmUp, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await warmUp(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.WarmUpFailed(ex.GetType().Name, ex);
            return false;
        }
    }
}
