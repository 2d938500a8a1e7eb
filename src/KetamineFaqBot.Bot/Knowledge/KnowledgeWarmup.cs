using KetamineFaqBot.Bot.Knowledge.Logging;
using KetamineFaqBot.Core.Answering;
using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Bot.Knowledge;

/// <summary>
/// Builds the answering pipeline before the server accepts requests: the index is built on first start, and a bad
/// rule or response file stops start-up with its error instead of failing the first patient's question.
/// </summary>
public sealed class KnowledgeWarmup(IServiceProvider services, ILogger<KnowledgeWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IAnswerService>();
        if (services.GetService<IRetriever>() is { } retriever)
        {
            logger.AnsweringReady(retriever.CorpusVersion);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
